"""The 13 muscle groups: which view shows each, which regions it lights, how the figure is posed
and which motion cues go with it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pmr_print.illustrations.cues import Arrow, Cue, Marks

# Combined steps show their views side by side in this order.
VIEW_ORDER: tuple[str, ...] = ("front", "back", "head", "profile", "legside")


@dataclass(frozen=True)
class Group:
    view: str
    regions: frozenset[str]
    pose: frozenset[str] = frozenset()
    cues: tuple[Cue, ...] = ()


def _lr(name: str) -> frozenset[str]:
    return frozenset({name + ".left", name + ".right"})


def _mirrored(cue: Cue) -> tuple[Cue, Cue]:
    x, y = cue.at
    if isinstance(cue, Arrow):
        other: Cue = Arrow((-x, y), 180 - cue.angle, -cue.bend, cue.length)
    else:
        other = Marks((-x, y), 180 - cue.angle, cue.count)
    return cue, other


GROUPS: dict[str, Group] = {
    "feet": Group(
        "legside",
        frozenset({"legside.foot"}),
        pose=frozenset({"curl"}),
        cues=(Arrow((17.0, 8.0), 20.0, -150.0, 1.4),),
    ),
    "lower-legs": Group(
        "legside",
        frozenset({"legside.calf"}),
        pose=frozenset({"flex"}),  # toes up towards the shin, as the instruction asks
        cues=(Marks((-7.4, 28.0), 180.0), Arrow((26.5, 4.0), 95.0, 45.0, 1.3)),
    ),
    "upper-legs": Group("front", _lr("front.thigh"), cues=_mirrored(Marks((15.5, 60.0), 0.0))),
    "abdomen": Group(
        "front", frozenset({"front.abdomen"}), cues=_mirrored(Marks((13.4, 87.0), 0.0))
    ),
    "chest": Group("front", _lr("front.chest"), cues=(Arrow((0.0, 100.0), 90.0),)),
    "shoulders": Group(
        "front",
        _lr("front.shoulder"),
        pose=frozenset({"shrug"}),
        cues=_mirrored(Arrow((17.0, 131.0), 90.0)),
    ),
    "buttocks": Group("back", _lr("back.buttock"), cues=_mirrored(Marks((15.6, 69.0), -10.0))),
    "back": Group("back", frozenset({"back.back"}), cues=(Arrow((0.0, 86.0), 90.0, -40.0),)),
    "neck": Group(
        "profile",
        frozenset({"profile.neck"}),
        pose=frozenset({"nod"}),
        cues=(Arrow((19.0, 16.0), -70.0, -80.0, 1.2), Marks((-9.0, 2.0), 180.0)),
    ),
    "jaw": Group(
        "head",
        _lr("head.jaw"),
        pose=frozenset({"clench"}),
        cues=_mirrored(Marks((16.0, 12.0), -15.0)),
    ),
    "eyes": Group(
        "head",
        _lr("head.eye"),
        pose=frozenset({"squeeze"}),
        cues=_mirrored(Marks((11.4, 25.0), 0.0)),
    ),
    "forehead": Group(
        "head",
        frozenset({"head.forehead"}),
        pose=frozenset({"raise"}),
        cues=_mirrored(Arrow((6.4, 33.5), 90.0)),
    ),
    "arms-hands": Group(
        "front",
        _lr("front.forearm") | _lr("front.hand"),
        pose=frozenset({"fists"}),
        cues=_mirrored(Marks((26.3, 68.5), 0.0)),
    ),
}


def lookup(ids: Sequence[str]) -> list[Group]:
    if isinstance(ids, str):
        ids = (ids,)
    unknown = [g for g in ids if g not in GROUPS]
    if unknown:
        raise ValueError(f"unknown muscle group id: {', '.join(map(repr, unknown))}")
    return [GROUPS[g] for g in ids]


@dataclass(frozen=True)
class Panel:
    """One view on a card: how it is posed, what is lit and which cues are drawn."""

    view: str
    pose: frozenset[str]
    lit: frozenset[str]
    cues: tuple[Cue, ...]


def combined(group: Group) -> Group:
    """A group as part of a combined step: lit and marked as tense, but neither posed nor given
    a direction. A combined step has its own instruction (the short protocol's face and neck
    step screws up the face while the chin goes down), so a single group's
    pose or arrow could contradict the words beside the figure."""
    marks = tuple(cue for cue in group.cues if isinstance(cue, Marks))
    return Group(group.view, group.regions, frozenset(), marks)


def panels(ids: Sequence[str]) -> list[Panel]:
    """The views that show these groups best, in a fixed order; no group → a plain front view."""
    groups = lookup(ids)
    if not groups:
        return [Panel("front", frozenset(), frozenset(), ())]
    if len(groups) > 1:
        groups = [combined(group) for group in groups]
    result = []
    for view in VIEW_ORDER:
        mine = [g for g in groups if g.view == view]
        if mine:
            result.append(
                Panel(
                    view,
                    frozenset().union(*(g.pose for g in mine)),
                    frozenset().union(*(g.regions for g in mine)),
                    tuple(dict.fromkeys(c for g in mine for c in g.cues)),
                )
            )
    return result
