"""The workshop pack: a facilitator script, projector slides and a packet per participant.

It composes the products (handout, practice log, the cards' figures and timing strips) and never
writes them again: roster.py reads the participants, packet.py builds one packet from one row,
batch.py builds many on any concurrent.futures.Executor, pack.py writes the whole pack.
"""
