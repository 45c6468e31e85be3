"""The views a figure can be drawn in, by name."""

from __future__ import annotations

from pmr_print.illustrations.parts import View
from pmr_print.illustrations.views import back, front, head, legside, profile

VIEWS: dict[str, View] = {
    view.name: view for view in (front.VIEW, back.VIEW, head.VIEW, profile.VIEW, legside.VIEW)
}
