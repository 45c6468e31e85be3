"""Build a Guide from one language's guide.md."""

from __future__ import annotations

import pathlib

from pmr_print.files import UnreadableFile, read_regular
from pmr_print.loader.attributes import Attributes
from pmr_print.loader.blocks import AttributedParagraph, Reader
from pmr_print.loader.clauses import report_stray_clauses
from pmr_print.loader.frontmatter import FrontMatter, read_front_matter
from pmr_print.loader.markdown import make_parser
from pmr_print.loader.outline import Node, nest
from pmr_print.loader.protocols import alt_text, paragraphs, read_protocol
from pmr_print.loader.sizes import TooLarge, size_problems
from pmr_print.model import (
    GROUP_IDS,
    SECTION_IDS,
    Block,
    BulletList,
    Cues,
    Guide,
    MuscleGroup,
    Protocol,
    Reference,
    Section,
    Source,
)
from pmr_print.problems import ContentError, Problem

DOI_PREFIX = "https://doi.org/"
GROUP_ATTRS = frozenset({"tense", "relax"})


def read_text(path: pathlib.Path) -> str:
    """The file's text: a regular file in UTF-8, with or without a byte order mark."""
    try:
        data = read_regular(path)
    except UnreadableFile as error:
        raise ContentError([Problem(str(path), 1, error.reason)]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ContentError([Problem(str(path), line, "not valid UTF-8 text")]) from None


def load_guide(path: pathlib.Path, lang: str) -> Guide:
    """Parse guide.md into a Guide, or raise ContentError listing every problem found."""
    text = read_text(path)
    too_large = size_problems(text, str(path))
    if too_large:
        raise TooLarge(too_large)
    tokens = make_parser().parse(text)
    reader = Reader(str(path), tokens)
    problems = reader.problems
    front = read_front_matter(tokens, str(path), lang, problems)
    roots, orphans = nest(reader.elements())
    for orphan in orphans:
        source = (
            orphan.paragraph.source if isinstance(orphan, AttributedParagraph) else orphan.source
        )
        problems.append(Problem.at(source, "text before the first '## Section {#id}' heading"))
    end = Source(str(path), text.count("\n") + 1)
    guide = build_guide(front, roots, end, problems)
    if problems:
        raise ContentError(sorted(set(problems)))
    assert guide is not None
    return guide


def build_guide(
    front: FrontMatter | None, roots: list[Node], end: Source, problems: list[Problem]
) -> Guide | None:
    sections = {node.id: node for node in read_sections(roots, problems)}
    for node in sections.values():
        report_stray_clauses(section_of(node).blocks, problems)
    for missing in (sid for sid in SECTION_IDS if sid not in sections):
        problems.append(Problem.at(end, f"required section '{missing}' is missing"))
    groups, declared = read_groups(sections.get("sequence"), end, problems)
    protocols = read_protocols(sections.get("protocols"), groups, declared, problems)
    references = read_references(sections.get("references"), problems)
    if front is None or problems:
        return None
    return Guide(
        lang=front.lang,
        title=front.title,
        subtitle=front.subtitle,
        cues=Cues(front.cue_tense, front.cue_relax, front.relax_word),
        sections=tuple(section_of(node) for node in sections.values()),
        groups=tuple(groups.values()),
        protocols=tuple(protocols),
        references=tuple(references),
        source=Source(end.path, 1),
    )


def read_sections(roots: list[Node], problems: list[Problem]) -> list[Node]:
    seen: dict[str, Node] = {}
    for node in roots:
        attrs = Attributes(node.heading.attrs, node.source, problems, "section")
        if node.heading.level != 2:
            attrs.report("sections start with '## Title {#id}'; use the front matter for the title")
        elif node.id and node.id not in SECTION_IDS:
            attrs.report(f"unknown section id '{node.id}' (allowed: {', '.join(SECTION_IDS)})")
        elif node.id in seen:
            attrs.report(f"duplicate id '{node.id}' (first at line {seen[node.id].source.line})")
        elif node.id:
            seen[node.id] = node
    return list(seen.values())


def section_of(node: Node) -> Section:
    blocks: list[Block] = [
        block.paragraph if isinstance(block, AttributedParagraph) else block
        for block in node.blocks
    ]
    return Section(node.id, node.heading.text, tuple(blocks), node.source)


def read_groups(
    node: Node | None, end: Source, problems: list[Problem]
) -> tuple[dict[str, MuscleGroup], set[str]]:
    """The valid groups, and every known group id declared (valid or not, so that one bad
    number is reported once, not again as a missing group)."""
    groups: dict[str, MuscleGroup] = {}
    declared: set[str] = set()
    for child in node.children if node else []:
        group = read_group(child, problems)
        if child.id in declared:
            problems.append(Problem.at(child.source, f"duplicate id '{child.id}'"))
        elif group:
            groups[group.id] = group
        declared.add(child.id)
    if node is not None:
        for missing in (gid for gid in GROUP_IDS if gid not in declared):
            problems.append(Problem.at(end, f"muscle group '{missing}' is missing from 'sequence'"))
    return groups, declared


def read_group(node: Node, problems: list[Problem]) -> MuscleGroup | None:
    attrs = Attributes(node.heading.attrs, node.source, problems, "muscle group", GROUP_ATTRS)
    if node.heading.level != 3 or node.children:
        attrs.report("a muscle group is a ### heading with no headings inside it")
    if node.id and node.id not in GROUP_IDS:
        attrs.report(f"unknown muscle group id '{node.id}' (valid: {', '.join(GROUP_IDS)})")
    tense = attrs.seconds("tense", required=True, minimum=1)
    relax = attrs.seconds("relax", required=True, minimum=1)
    instruction = paragraphs(node)
    if len(instruction) != 1:
        attrs.report(f"muscle group '{node.id}' needs exactly one instruction paragraph")
    alt = alt_text(node, attrs)
    report_stray_clauses(instruction, problems)
    if tense is None or relax is None or len(instruction) != 1 or node.id not in GROUP_IDS:
        return None
    return MuscleGroup(node.id, node.heading.text, instruction[0], tense, relax, node.source, alt)


def read_protocols(
    node: Node | None, groups: dict[str, MuscleGroup], declared: set[str], problems: list[Problem]
) -> list[Protocol]:
    protocols: dict[str, Protocol] = {}
    for child in node.children if node else []:
        protocol = read_protocol(child, groups, declared, problems)
        if protocol and protocol.id in protocols:
            problems.append(Problem.at(protocol.source, f"duplicate id '{protocol.id}'"))
        elif protocol:
            protocols[protocol.id] = protocol
    return list(protocols.values())


def read_references(node: Node | None, problems: list[Problem]) -> list[Reference]:
    references = []
    for block in node.blocks if node else []:
        items = block.items if isinstance(block, BulletList) else ()
        for item in items:
            dois = [
                s.href[len(DOI_PREFIX) :]
                for s in item.spans
                if s.href and s.href.startswith(DOI_PREFIX)
            ]
            if len(dois) != 1:
                problems.append(
                    Problem.at(item.source, f"a reference needs one DOI link <{DOI_PREFIX}...>")
                )
            else:
                references.append(Reference(item, dois[0]))
    if node is not None and not references:
        problems.append(Problem.at(node.source, "'references' lists no reference"))
    return references
