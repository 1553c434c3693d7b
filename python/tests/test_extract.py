"""sitrep.extract and Pipeline.extract against the CLI's JSON lines."""

from __future__ import annotations

import json

import pytest
import sitrep

from conftest import SEED, run_cli


def cli_line(cli, *args, stdin=None) -> dict:
    done = run_cli(cli, "extract", *args, stdin=stdin)
    lines = done.stdout.decode().splitlines()
    assert len(lines) == 1, done.stderr.decode()
    return json.loads(lines[0])


def test_extract_equals_the_cli_json_line_on_the_seed(shared, cli):
    text = SEED.read_text(encoding="utf-8")
    want = cli_line(cli, "-", stdin=text.encode())
    got = sitrep.extract(text)
    assert got == want
    assert got["date"] == "2022-01-10"  # from the text's `date` header, as a text file
    assert got["events"], "the seed has events"


def test_readme_example_matches_the_cli_on_the_file(shared, cli):
    want = cli_line(cli, str(SEED))
    got = sitrep.extract(SEED.read_text(encoding="utf-8"))
    assert got["events"][0] == want["events"][0]
    assert {k: v for k, v in got.items() if k != "id"} == {
        k: v for k, v in want.items() if k != "id"}


def test_date_and_id_read_the_text_as_a_jsonl_record(shared, cli):
    text = "Iran's foreign minister met the French president in Paris on Monday."
    record = {"id": "a1", "text": text, "date": "2021-03-03"}
    want = cli_line(cli, "-", stdin=json.dumps(record).encode())
    import datetime

    assert sitrep.extract(text, date="2021-03-03", id="a1") == want
    assert sitrep.extract(text, date=datetime.date(2021, 3, 3), id="a1") == want
    assert sitrep.extract(text, id=7)["id"] == "7"


@pytest.mark.parametrize(
    "kwargs,record",
    [
        ({"text": "   \n"}, None),
        ({"text": "Talks.", "date": "10/01/2022"}, {"id": "-", "text": "Talks.", "date": "10/01/2022"}),
        ({"text": "Talks.", "date": "2022-02-30"}, {"id": "-", "text": "Talks.", "date": "2022-02-30"}),
    ],
)
def test_unreadable_input_raises_the_cli_message(cli, kwargs, record):
    stdin = kwargs["text"].encode() if record is None else json.dumps(record).encode()
    done = run_cli(cli, "extract", "-", stdin=stdin)
    assert done.returncode == 1
    want = json.loads(done.stdout.decode().splitlines()[0])["errors"][0]
    with pytest.raises(sitrep.SitrepError) as caught:
        sitrep.extract(**kwargs)
    assert str(caught.value) == want
    assert isinstance(caught.value, ValueError)


def test_pipeline_config_dict_chooses_the_stages():
    p = sitrep.Pipeline({"stages": [{"stage": "segment"}]})
    assert p.stages == ["segment"]
    rec = p.extract("The talks ended. Both sides left Geneva.")
    assert len(rec["sentences"]) == 2
    assert rec["events"] == [] and rec["entities"] == []


def test_pipeline_config_file_and_errors(tmp_path, cli):
    good = tmp_path / "p.toml"
    good.write_text('[[stages]]\nstage = "segment"\n')
    assert sitrep.Pipeline(str(good)).stages == ["segment"]
    assert sitrep.Pipeline(good).stages == ["segment"]  # a PathLike too
    bad = tmp_path / "bad.toml"
    bad.write_text('[[stages]]\nstage = "nope"\n')
    done = run_cli(cli, "extract", "--config", str(bad), "-", stdin=b"Text.")
    assert done.returncode == 2
    with pytest.raises(sitrep.SitrepError) as caught:
        sitrep.Pipeline(str(bad))
    # The CLI prints "sitrep: error: <message>".
    assert f"sitrep: error: {caught.value}" in done.stderr.decode()
    with pytest.raises(sitrep.SitrepError, match="requires"):
        sitrep.Pipeline({"stages": [{"stage": "events"}]})
    with pytest.raises(TypeError):
        sitrep.Pipeline(42)
    with pytest.raises(ValueError):
        sitrep.Pipeline(threads=0)


def test_a_pipeline_is_reused_and_gives_the_same_records(shared):
    p = sitrep.Pipeline(threads=1)
    text = SEED.read_text(encoding="utf-8")
    first = p.extract(text)
    assert p.extract(text) == first == sitrep.extract(text)
    assert "Pipeline(stages=" in repr(p)


def test_module_metadata():
    assert sitrep.TABLES == [
        "articles", "entities", "mentions", "quotes", "events", "dates", "amounts"]
    assert set(sitrep.table_schemas()) == set(sitrep.TABLES)
    assert sitrep.__version__
    assert sitrep.extract.__doc__ and sitrep.Pipeline.extract_batch.__doc__
