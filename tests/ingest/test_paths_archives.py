"""Folders and ZIP archives: every supported file, sorted; archive members named archive.zip!inner."""

from __future__ import annotations

import zipfile
from pathlib import Path

from samrev.ingest import expand_paths, ingest_many, resolve
from samrev.ingest.fixtures import zip_archive


def test_folder_sorted_supported_only(tmp_path: Path) -> None:
    names = ("b.pdf", "a.txt", "sub/c.docx", "sub/.skjult.txt", "sub/~$lås.docx", "bilde.png", "notat.xyz")
    for name in names:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    assert expand_paths([tmp_path]) == [tmp_path / "a.txt", tmp_path / "b.pdf", tmp_path / "sub" / "c.docx"]


def test_missing_path_passes_through(tmp_path: Path) -> None:
    assert expand_paths([tmp_path / "borte.pdf"]) == [tmp_path / "borte.pdf"]


def test_zip_members(files: dict[str, Path]) -> None:
    archive = files["zip"]
    assert expand_paths([archive]) == [
        Path(f"{archive}!avtalar/notat.txt"), Path(f"{archive}!avtalar/tenesteavtale.pdf"),
    ]


def test_zip_members_are_read_from_a_cache_keyed_by_hash(files: dict[str, Path]) -> None:
    archive = files["zip"]
    member = expand_paths([archive])[1]
    real, shown = resolve(member)
    assert shown == str(member) and real.is_file() and real.name == "tenesteavtale.pdf"
    assert real.read_bytes() == files["nn_pdf"].read_bytes()
    assert resolve(member)[0] == real  # extracted once
    records = list(ingest_many([archive], workers=1))
    assert [r.path for r in records] == [str(p) for p in expand_paths([archive])]
    assert all(r.error is None for r in records)
    assert records[1].format == "pdf" and records[1].file_name == "tenesteavtale.pdf"


def test_zip_inside_a_folder(files: dict[str, Path], tmp_path: Path) -> None:
    folder = tmp_path / "innsendt"
    folder.mkdir()
    zip_archive(folder / "pakke.zip", {"a.txt": files["txt_utf-8"]})
    (folder / "b.txt").write_text("Avtale", encoding="utf-8")
    expected = [str(folder / "b.txt"), f"{folder / 'pakke.zip'}!a.txt"]
    assert [str(p) for p in expand_paths([folder])] == expected


def test_unsafe_member_names_are_skipped(tmp_path: Path) -> None:
    archive = tmp_path / "farleg.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("../utanfor.txt", "nei")
        zf.writestr("/abs.txt", "nei")
        zf.writestr("inni/ok.txt", "ja")
    assert expand_paths([archive]) == [Path(f"{archive}!inni/ok.txt")]


def test_broken_zip_gets_its_own_record(tmp_path: Path) -> None:
    archive = tmp_path / "skadet.zip"
    archive.write_bytes(b"PK\x03\x04" + b"\x01" * 60)
    assert expand_paths([archive]) == [archive]
    (record,) = ingest_many([archive], workers=1)
    assert record.error is not None and record.error.short_code == "unreadable"
