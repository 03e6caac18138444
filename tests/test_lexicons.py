"""The word classes attribution and naming use are data of the lexicons folder, and ``--lexicons DIR``
changes them: names.csv (particles, patronymics), cue_words.csv, role_modifiers.csv. A folder that lacks
one of the optional files keeps the shipped words. All texts here are invented."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import ROOT, parse_csv, run_cli

SHIPPED = ROOT / "lexicons"


def _docs(tmp_path: Path, texts: dict[str, str]) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def _quotes(*args: str) -> list[dict[str, str]]:
    code, out, err = run_cli("quotes", *args)
    assert code == 0, err
    return parse_csv(out)


def _user_lexicons(tmp_path: Path, only: tuple[str, ...] = ()) -> Path:
    """A copy of the shipped lexicons (or only the files named), which a test then edits."""
    folder = tmp_path / "lex"
    folder.mkdir()
    for path in SHIPPED.glob("*.csv"):
        if not only or path.name in only:
            shutil.copy(path, folder / path.name)
    return folder


def _without_rows(path: Path, prefix: str) -> None:
    """Remove the rows of a user's lexicon file that start with ``prefix``."""
    path.write_text("".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
                            if not line.startswith(prefix)), encoding="utf-8")


def test_names_keep_their_particles_and_patronymics(tmp_path: Path) -> None:
    docs = _docs(tmp_path, {"a": "Summit opens\n\n“Hunger is a choice,” said Abdullah ibn Saud on Monday.\n\n“Go,” said Yosef ben Ami.\n\n"
                                 "“We are ready,” said Pedro dos Santos, the envoy. “Not yet,” said Ana della Costa.\n"})
    assert [r["speaker"] for r in _quotes(str(docs))] == ["Abdullah ibn Saud", "Yosef ben Ami", "Pedro dos Santos",
                                                       "Ana della Costa"]


def test_names_csv_of_the_lexicons_folder_is_used(tmp_path: Path) -> None:
    """A patronymic word the shipped names.csv lacks (Welsh "ap"): with it, the name is read whole (not cut at it),
    and its last word alone, in another document, is no surname of it (as Salman is none of Mohammed bin
    Salman's)."""
    docs = _docs(tmp_path, {"a": "Port plan\n\n“We will rebuild the port before winter,” said Rhys ap Gruffydd, the "
                                 "harbour commissioner, on Monday.\n",
                            "b": "Vote delayed\n\n“The money is not there yet,” Gruffydd told the council on Tuesday.\n"})
    shipped = _quotes(str(docs))
    assert [r["speaker"] for r in shipped] == ["Rhys", "Gruffydd"]  # "ap" is no name word of the shipped list
    lex = _user_lexicons(tmp_path)
    with (lex / "names.csv").open("a", encoding="utf-8") as out:
        out.write("ap,patronymic\n")
    assert [r["speaker"] for r in _quotes(str(docs), "--lexicons", str(lex))] == ["Rhys ap Gruffydd", "Gruffydd"]
    code, out, err = run_cli("speakers", str(docs), "--lexicons", str(lex))
    assert code == 0, err
    assert {r["speaker"] for r in parse_csv(out)} == {"Rhys ap Gruffydd", "Gruffydd"}


def test_cue_words_of_the_lexicons_folder_are_used(tmp_path: Path) -> None:
    """"X quoted Y as saying": Y speaks. Without "quoted" in the quoting class, the relay X is taken."""
    docs = _docs(tmp_path, {"a": "Talks\n\nThe Daily Ledger quoted Marta Ilves as saying: “We will not sign this "
                                 "agreement.”\n"})
    assert _quotes(str(docs))[0]["speaker"] == "Marta Ilves"
    lex = _user_lexicons(tmp_path)
    _without_rows(lex / "cue_words.csv", "quoted,")
    assert _quotes(str(docs), "--lexicons", str(lex))[0]["speaker"] != "Marta Ilves"


def test_a_folder_with_only_cues_and_roles_keeps_the_shipped_word_classes(tmp_path: Path) -> None:
    """Dates stay no speakers and names keep their particles when a user's folder holds only the two
    required files."""
    docs = _docs(tmp_path, {"a": "Strike\n\n“We will stay out,” said Ana della Costa on Friday.\n\n"
                                 "“It will end soon,” Friday said the minister.\n"})
    lex = _user_lexicons(tmp_path, only=("cues.csv", "roles.csv"))
    assert _quotes(str(docs), "--lexicons", str(lex)) == _quotes(str(docs))
    assert _quotes(str(docs))[0]["speaker"] == "Ana della Costa"


def test_a_bad_row_of_an_optional_word_class_file_is_named(tmp_path: Path) -> None:
    docs = _docs(tmp_path, {"a": "T\n\n“Yes,” she said.\n"})
    lex = _user_lexicons(tmp_path)
    with (lex / "cue_words.csv").open("a", encoding="utf-8") as out:
        out.write("announced,loud\n")
    code, _, err = run_cli("quotes", str(docs), "--lexicons", str(lex))
    assert code == 1
    assert "cue_words.csv" in err and "line" in err and "'loud'" in err
    (lex / "cue_words.csv").unlink()
    with (lex / "role_modifiers.csv").open("a", encoding="utf-8") as out:
        out.write("acting\n")
    code, _, err = run_cli("quotes", str(docs), "--lexicons", str(lex))
    assert code == 1 and "role_modifiers.csv" in err and "expected 2 fields" in err


def test_gender_csv_of_the_lexicons_folder_is_used_and_a_bad_row_named(tmp_path: Path) -> None:
    """"he" after a question a woman asks is the man's: the given name tells her sex. A user's gender.csv
    without that name leaves her sex unknown, and "he" may be hers again."""
    docs = _docs(tmp_path, {"a": "Governor Paul Dorsey met reporters on Monday.\n\n“Will you sign it?” "
                                 "reporter Greta Vall asked after he said he would look “very hard” at it.\n"})
    assert _quotes(str(docs))[1]["speaker"] == "Paul Dorsey"
    lex = _user_lexicons(tmp_path)
    path = lex / "gender.csv"
    _without_rows(path, "greta,")
    assert _quotes(str(docs), "--lexicons", str(lex))[1]["speaker"] == "Greta Vall"
    with path.open("a", encoding="utf-8") as out:
        out.write("alex,x,given\n")
    code, _, err = run_cli("quotes", str(docs), "--lexicons", str(lex))
    assert code == 1 and "gender.csv" in err and "line" in err
