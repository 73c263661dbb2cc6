"""The codebook: loading, schema errors reported all at once, layering, lint and stats."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from eventcoder.codebook import check_codebook, codebook_stats, load_codebook
from eventcoder.codebook.inflect import noun_forms, verb_forms
from eventcoder.codebook.loader import default_codebook_path
from eventcoder.errors import CodebookError


def write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_default_codebook_loads_with_name_and_version() -> None:
    codebook = load_codebook()
    assert codebook.name == "eventcoder-default"
    assert codebook.version
    assert "0256" in codebook.codes and codebook.codes["0256"].goldstein == pytest.approx(-0.3)


def test_every_shipped_codebook_file_passes_check() -> None:
    assert check_codebook([]) == []


def test_shipped_codebook_files_are_all_found() -> None:
    files = sorted(p.name for p in default_codebook_path().rglob("*.yaml"))
    assert "codes.yaml" in files and "codebook.yaml" in files


BROKEN = """\
kind: actions
entries:
  - id: "195.bomb-one"
    code: "195"
    verbs: ["bomb"]
  - id: "999.nonsense"
    code: "999"
    verbs: ["frobnicate"]
  - id: "195.bomb-one"
    code: "195"
    verbs: ["shell"]
  - id: "190.no-patterns"
    code: "190"
  - id: "Bad Id"
    code: "190"
    verbs: ["clash with"]
  - id: "194.blast"
    code: "194"
    verbs: ["bomb"]
"""


def test_a_file_with_five_mistakes_gets_five_precise_messages(tmp_path: Path) -> None:
    write(tmp_path / "broken", "actions.yaml", BROKEN)
    with pytest.raises(CodebookError) as raised:
        load_codebook([tmp_path / "broken"])
    problems = raised.value.problems
    assert len(problems) == 5, problems
    text = "\n".join(problems)
    assert all("actions.yaml:" in p for p in problems)
    assert "[999.nonsense]" in text and "999" in text  # unknown CAMEO code
    assert "[195.bomb-one] duplicate id" in text and "actions.yaml:9" in text
    assert "[190.no-patterns]" in text  # neither verbs nor nouns
    assert "Bad Id" in text  # id pattern
    assert "[194.blast]" in text and "'bomb'" in text and "195.bomb-one" in text  # conflict


def test_the_cli_check_reports_every_problem(tmp_path: Path) -> None:
    write(tmp_path / "broken", "actions.yaml", BROKEN)
    assert len(check_codebook([tmp_path / "broken"])) == 5


def test_yaml_syntax_errors_name_the_line(tmp_path: Path) -> None:
    write(tmp_path / "bad", "actors.yaml", "kind: actors\nentries:\n  - id: [unclosed\n")
    with pytest.raises(CodebookError) as raised:
        load_codebook([tmp_path / "bad"])
    assert "actors.yaml:" in raised.value.problems[0]
    assert "not valid YAML" in raised.value.problems[0]


def test_a_missing_layer_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CodebookError, match="no such codebook"):
        load_codebook([tmp_path / "absent"])


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("+ to withdraw", "must start with a word"),
        ("urge + * restraint", "separated by a word"),
        ("bomb *", "ends with '*'"),
    ],
)
def test_lint_finds_patterns_that_can_never_match(
    tmp_path: Path, pattern: str, message: str
) -> None:
    write(tmp_path / "layer", "actions.yaml",
          f'kind: actions\nentries:\n  - id: "020.x"\n    code: "020"\n    verbs: ["{pattern}"]\n')
    problems = check_codebook([tmp_path / "layer"])
    assert any(message in p and "020.x" in p for p in problems), problems


def test_lint_finds_patterns_that_match_the_same_words(tmp_path: Path) -> None:
    # the singular and the plural compile to one pattern: matching it twice is wasted work
    write(tmp_path / "layer", "actions.yaml",
          'kind: actions\nentries:\n  - id: "020.x"\n    code: "020"\n'
          '    verbs: ["zorble * widget", "zorble * widgets", "zorble * gadgets"]\n')
    problems = check_codebook([tmp_path / "layer"])
    assert [p for p in problems if "same words" in p] == [
        p for p in problems if "'zorble * widgets'" in p and "'zorble * widget'" in p
    ] != [], problems


def test_later_layers_replace_and_remove_entries_by_id(tmp_path: Path) -> None:
    base = load_codebook()
    some_action = base.actions[0]
    write(tmp_path / "mine", "actions.yaml", f"""\
        kind: actions
        entries:
          - id: "{some_action.id}"
            code: "{some_action.code}"
            verbs: ["frobnicate"]
        """)
    write(tmp_path / "mine", "remove.yaml", f"""\
        kind: actions
        remove: ["{base.actions[1].id}"]
        """)
    layered = load_codebook([tmp_path / "mine"])
    by_id = {a.id: a for a in layered.actions}
    assert by_id[some_action.id].verbs == ("frobnicate",)
    assert base.actions[1].id not in by_id
    assert len(layered.actions) == len(base.actions) - 1
    assert layered.name == "eventcoder-default+mine"


def test_removing_an_unknown_id_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "mine", "remove.yaml", 'kind: actions\nremove: ["no.such-entry"]\n')
    with pytest.raises(CodebookError, match=r"no entry 'no\.such-entry'"):
        load_codebook([tmp_path / "mine"])


def test_stats_count_patterns_per_root() -> None:
    stats = codebook_stats([])
    assert "action patterns" in stats
    assert "19    FIGHT" in stats


@pytest.mark.parametrize(
    ("base", "forms"),
    [
        ("recall", {"recall", "recalls", "recalled", "recalling"}),
        ("stop", {"stops", "stopped", "stopping"}),
        ("seize", {"seizes", "seized", "seizing"}),
        ("carry", {"carries", "carried", "carrying"}),
        ("shoot", {"shoots", "shot", "shooting"}),
        ("open", {"opens", "opened", "opening"}),
        ("seek", {"seeks", "sought", "seeking"}),
        ("agree", {"agrees", "agreed", "agreeing"}),
        ("free", {"frees", "freed", "freeing"}),
        ("airdrop", {"airdrops", "airdropped", "airdropping"}),
        ("develop", {"develops", "developed", "developing"}),
        ("sweep", {"sweeps", "swept", "sweeping"}),
        ("sit", {"sits", "sat", "sitting"}),
        ("rewrite", {"rewrites", "rewrote", "rewritten", "rewriting"}),
    ],
)
def test_verbs_are_inflected_by_the_engine(base: str, forms: set[str]) -> None:
    assert forms <= verb_forms(base)


def test_no_form_of_a_verb_in_ee_has_three_es() -> None:
    assert not any("eee" in form for form in verb_forms("guarantee"))


@pytest.mark.parametrize(
    ("noun", "plural"),
    [("strike", "strikes"), ("militia", "militias"), ("country", "countries"),
     ("gunman", "gunmen"), ("embargo", "embargoes")],
)
def test_nouns_get_their_plural(noun: str, plural: str) -> None:
    assert plural in noun_forms(noun)


@pytest.mark.parametrize(
    ("plural", "singular"),
    [("positions", "position"), ("facilities", "facility"), ("churches", "church"),
     ("bases", "base"), ("knives", "knife"), ("archives", "archive")],
)
def test_plurals_get_their_singular(plural: str, singular: str) -> None:
    assert singular in noun_forms(plural)


@pytest.mark.parametrize("word", ["crisis", "news", "congress", "campus", "politics", "series",
                                  "headquarters", "themselves"])
def test_words_ending_in_s_that_are_no_plurals_keep_their_form(word: str) -> None:
    forms = noun_forms(word)
    assert word in forms and not any(len(f) < len(word) for f in forms)


def test_a_user_codebook_changes_what_is_coded(tmp_path: Path) -> None:
    from eventcoder import Article, Coder

    layer = tmp_path / "analyst"
    write(layer, "groups.yaml", """\
        kind: actors
        entries:
          - id: group.red-valley-front
            code: MOZREB
            country: MOZ
            role: REB
            type: group
            names: ["Red Valley Front"]
        """)
    write(layer, "actions.yaml", """\
        kind: actions
        entries:
          - id: "1823.kneecap"
            code: "1823"
            verbs: ["kneecap"]
        """)
    write(layer, "remove.yaml", 'kind: actions\nremove: ["0256.appeal-de-escalation"]\n')
    text = ("The Red Valley Front kneecapped two Malawian traders near Pemba. "
            "Kenya urged Uganda to exercise restraint.")
    article = Article(id="a", text=text, date="2024-05-02")

    def triples(coder: Coder) -> set[tuple[str, str | None, str]]:
        return {
            (r.source.code, r.target.code if r.target else None, r.cameo_code)
            for r in coder.code(article)
        }

    default = triples(Coder())
    layered = triples(Coder(codebooks=[layer]))
    assert ("KEN", "UGA", "0256") in default
    assert not any(code == "0256" for _, _, code in layered)
    assert not any(source == "MOZREB" for source, _, _ in default)
    assert ("MOZREB", "MWIBUS", "1823") in layered
    assert Coder(codebooks=[layer]).info.name.endswith("+analyst")


def test_the_check_command_exits_2_on_a_broken_codebook(tmp_path: Path) -> None:
    from eventcoder.cli import main

    write(tmp_path / "broken", "actions.yaml", BROKEN)
    assert main(["codebook", "check", str(tmp_path / "broken")]) == 2


def test_a_field_written_twice_is_an_error_with_its_line(tmp_path: Path) -> None:
    write(tmp_path / "twice", "actions.yaml", """\
        kind: actions
        entries:
          - id: "190.twice"
            code: "190"
            target: none
            verbs: ["ambush"]
            target: optional
        """)
    with pytest.raises(CodebookError) as raised:
        load_codebook([tmp_path / "twice"])
    assert any("actions.yaml:7" in p and "duplicate key 'target'" in p
               for p in raised.value.problems), raised.value.problems
