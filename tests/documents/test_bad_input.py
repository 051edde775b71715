"""Bad input: one line naming the file and the reason, nothing imported, the batch goes on."""
import os

import pytest

from reviewer.documents import DocumentError, read_document
from tests.documents.fixtures import (
    make_docx, make_encrypted_pdf, make_entity_docx, make_pdf, make_scanned_pdf, make_zip_bomb_docx, truncated,
)


def fails(path, reason, **kwargs):
    with pytest.raises(DocumentError) as info:
        read_document(path, **kwargs)
    message = str(info.value)
    assert "\n" not in message
    assert str(path) in message
    assert reason in message, message
    return message


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    fails(path, "empty")


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \n\n  ")
    fails(path, "empty")


def test_binary_file_with_a_text_extension(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 40)
    fails(path, "binary")


def test_bytes_no_supported_encoding_decodes(tmp_path):
    path = tmp_path / "garbage.txt"
    path.write_bytes(b"\xff\xfe\xfd" * 5 + b"\x81\x30" + bytes([0x80, 0xff, 0xfe]) * 300)
    fails(path, "")  # the message may say binary or encoding; it must name the file


def test_invalid_utf16_after_a_bom(tmp_path):
    path = tmp_path / "bad16.txt"
    path.write_bytes(b"\xff\xfe" + b"\x00\xd8" + b"a")
    fails(path, "byte order mark")


def test_corrupt_docx(tmp_path):
    path = tmp_path / "corrupt.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    fails(path, "not a valid .docx")


def test_truncated_docx(tmp_path):
    good = make_docx(tmp_path / "good.docx")
    path = tmp_path / "truncated.docx"
    path.write_bytes(truncated(good.read_bytes()))
    fails(path, ".docx")


def test_zip_that_is_not_a_word_document(tmp_path):
    import zipfile

    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    fails(path, "not a Word document")


def test_zip_bomb_docx_is_refused_without_inflating(tmp_path):
    path = make_zip_bomb_docx(tmp_path / "bomb.docx")
    assert path.stat().st_size < 5 * 1024 * 1024
    fails(path, "zip bomb")


def test_entity_expansion_docx_is_refused(tmp_path):
    fails(make_entity_docx(tmp_path / "lol.docx"), "entities")


def test_corrupt_pdf(tmp_path):
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(b"%PDF-1.7\n this is not a pdf at all")
    fails(path, "damaged")


def test_truncated_pdf(tmp_path):
    good = make_pdf(tmp_path / "good.pdf", ["受理案件1425918件"] * 3)
    path = tmp_path / "truncated.pdf"
    path.write_bytes(truncated(good.read_bytes()))
    with pytest.raises(DocumentError) as info:
        read_document(path)
    assert str(path) in str(info.value)


def test_not_a_pdf_at_all(tmp_path):
    path = tmp_path / "fake.pdf"
    path.write_text("hello", encoding="utf-8")
    fails(path, "not a PDF")


def test_password_protected_pdf(tmp_path):
    source = make_pdf(tmp_path / "plain.pdf", ["受理案件1425918件"])
    fails(make_encrypted_pdf(tmp_path / "locked.pdf", source), "password")


def test_scanned_pdf(tmp_path):
    fails(make_scanned_pdf(tmp_path / "scan.pdf"), "no text layer")


def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("受理案件1425918件\n" * 1000, encoding="utf-8")
    fails(path, "over the limit", size_limit=10_000)
    assert read_document(path).text  # the default limit (50 MB) lets it in


def test_missing_path(tmp_path):
    fails(tmp_path / "nowhere.txt", "no such file")


def test_directory_given_as_a_file(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    fails(folder, "folder")


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("受理案件1425918件", encoding="utf-8")
    if os.geteuid() != 0:
        path.chmod(0)
    else:  # root reads anything: make open() refuse the way it would for a normal user
        import builtins

        real_open = builtins.open

        def refusing_open(file, *args, **kwargs):
            if str(file) == str(path):
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", refusing_open)
    fails(path, "Permission denied")


def test_unsupported_type(tmp_path):
    path = tmp_path / "sheet.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    fails(path, "unsupported file type")
