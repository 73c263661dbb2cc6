"""The codebook's entries as frozen values, one class per kind."""

from __future__ import annotations

from typing import Any

import attrs


@attrs.frozen
class CodeInfo:
    """What a CAMEO event code means: name, Goldstein value, QuadClass, PLOVER, ACLED type."""

    id: str
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None = None
    acled: tuple[str, str, str] | None = None


@attrs.frozen
class ActionEntry:
    """Verb and noun patterns that report one CAMEO event code."""

    id: str
    code: str
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    target: str = "required"
    reciprocal: bool = False
    recipient: str | None = None  # "to": the target is whoever the act is directed to


@attrs.frozen
class Office:
    role: str
    start: str
    end: str | None = None
    title: str | None = None

    def holds_on(self, day: str) -> bool:
        """Whether the office was held on ``day`` (ISO date); an open end runs to today."""
        return self.start <= day and (self.end is None or day <= self.end)


@attrs.frozen
class ActorEntry:
    """A named actor: a country, an international body, an armed group or a person."""

    id: str
    code: str
    country: str
    names: tuple[str, ...]
    role: str | None = None
    type: str = "other"
    adjectives: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()
    # fights in several countries: coded by where each event happens
    theatre: bool = False

    @property
    def name(self) -> str:
        return self.names[0]

    def role_on(self, day: str | None) -> str | None:
        """The role the actor held on ``day``: an office's role if one was held then, else
        the entry's own role. Without a date, the most recent office counts."""
        if self.offices:
            if day is None:
                latest = max(self.offices, key=lambda o: o.start)
                return latest.role if latest.end is None else self.role
            for office in self.offices:
                if office.holds_on(day):
                    return office.role
        return self.role


@attrs.frozen
class AgentEntry:
    """Role nouns (``troops``, ``foreign minister``) that give a CAMEO role code."""

    id: str
    role: str
    names: tuple[str, ...]


@attrs.frozen
class PlaceEntry:
    """Spellings of a place, with its country, ISO 3166-2 code and coordinates."""

    id: str
    type: str
    country: str
    names: tuple[str, ...]
    admin1_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None

    def to_mapping(self) -> dict[str, Any]:
        return attrs.asdict(self)


Entry = CodeInfo | ActionEntry | ActorEntry | AgentEntry | PlaceEntry


@attrs.frozen
class Codebook:
    """A loaded codebook: every layer merged, entries by kind, in a stable order."""

    name: str
    version: str
    codes: dict[str, CodeInfo]
    actions: tuple[ActionEntry, ...]
    actors: tuple[ActorEntry, ...]
    agents: tuple[AgentEntry, ...]
    places: tuple[PlaceEntry, ...]
    layers: tuple[str, ...] = ()
    locations: dict[str, str] = attrs.field(factory=dict, eq=False, repr=False)

    def where(self, entry_id: str) -> str:
        """``file:line`` where the entry with this id was defined (for messages)."""
        return self.locations.get(entry_id, "?")
