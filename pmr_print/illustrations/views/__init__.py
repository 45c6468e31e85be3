"""The views a figure can be drawn in, by name."""

from __future__ import annotations

from pmr_print.illustrations.parts import View
from pmr_print.illustrations.views import front

VIEWS: dict[str, View] = {view.name: view for view in (front.VIEW,)}
