"""The workshop pack: a facilitator script, projector slides and a packet per participant.

It composes the products (handout, practice log, the cards' figures and timing strips) and never
writes them again: roster.py reads the participants, packet.py builds one packet from one row,
batch.py builds many on any concurrent.futures.Executor, pack.py writes the whole pack.
script.py and slides.py place the session plan (pmr_print/plans/session.py: every line said, at
its time) and the step plans; voices.py holds each language's labels, settings and styles.
"""
