"""A plain-text account of how the coder read a text, for ``eventcoder explain``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eventcoder.coder import Coder
    from eventcoder.records import Article


def render_explanation(coder: Coder, article: Article) -> str:
    """Every stage for every sentence: tokens, phrase and action matches, actors with their
    codes, the rules that dropped or changed an act, and the events with their entries."""
    lines: list[str] = [f"codebook: {coder.info.name} {coder.info.version}"]
    if article.date:
        lines.append(f"date: {article.date}")
    records = coder.code(article)
    for trace in coder.trace(article):
        sentence = trace.sentence
        lines.append("")
        lines.append(f"sentence {sentence.index}: {sentence.text}")
        lines.append("  tokens: " + " ".join(t.text for t in trace.tokens))
        if trace.speaker is not None:
            lines.append(f"  inside a quotation by: {trace.speaker.text} -> {trace.speaker.code}")
        for phrase in trace.phrases:
            words = " ".join(t.text for t in trace.tokens[phrase.start : phrase.end])
            hits = ", ".join(f"{h.kind}:{h.entry.id}" for h in phrase.hits)
            lines.append(f"  phrase: {words!r} -> {hits}")
        for ref in trace.actors:
            lines.append(
                f"  actor: {ref.text!r} ({ref.kind}) -> {ref.code or 'to resolve'}"
                + (f" [{ref.entry_id}]" if ref.entry_id else "")
            )
        for match in trace.actions:
            words = " ".join(t.text for t in trace.tokens[match.start : match.end])
            entry = match.pattern.entry
            lines.append(
                f"  action: {words!r} -> {entry.code} [{entry.id}] "
                f"({match.pattern.form} pattern '{match.pattern.text}')"
            )
        for note in trace.notes:
            lines.append(f"  rule: {note}")
        for candidate in trace.candidates:
            target = candidate.target.code if candidate.target else "-"
            lines.append(
                f"  event: {candidate.source.code} ({candidate.source.text!r}) -> "
                f"{target} ({candidate.target.text if candidate.target else ''!r}) "
                f"{candidate.code} [{candidate.entry.id}]"
                + (" (future: coded as threat/intent)" if candidate.future else "")
            )
    lines.append("")
    lines.append(f"records ({len(records)}):")
    for record in records:
        target = record.target.code if record.target else "-"
        lines.append(
            f"  {record.source.code} -> {target} {record.cameo_code} date={record.event_date} "
            f"({record.date_precision}) fatalities={record.fatalities} "
            f"location={record.location.name if record.location else None} rule={record.rule}"
        )
    return "\n".join(lines)
