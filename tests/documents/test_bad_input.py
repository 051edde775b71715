"""Bad input: one line naming the file and the reason, nothing imported, the batch goes on."""
import errno
import zipfile

import pytest

from reviewer.display import shown_path
from reviewer.documents import DocumentError, base, read_document
from tests.documents.fixtures import (
    ENTITY_XML,
    make_docx,
    make_encrypted_pdf,
    make_entity_docx,
    make_pdf,
    make_scanned_pdf,
    make_styles_bomb_docx,
    make_styles_doctype_docx,
    make_utf16_entity_docx,
    make_zip_bomb_docx,
    rewrite_docx,
    truncated,
)


def fails(path, reason, **kwargs):
    """read_document(path) refuses with `reason` (a part of the reason that only this refusal
    gives), on one line that starts with the file's name."""
    assert reason.strip(), "an empty reason is in every message: say which refusal is expected"
    with pytest.raises(DocumentError) as info:
        read_document(path, **kwargs)
    message = str(info.value)
    assert "\n" not in message
    assert message == f"{shown_path(path)}: {info.value.reason}"
    assert reason in info.value.reason, message
    return info.value


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    fails(path, "the file is empty")


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \n\n  ")
    fails(path, "the file is empty")


def test_binary_file_with_a_text_extension(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 40)
    fails(path, "looks like a binary file, not text")


def test_bytes_no_supported_encoding_decodes(tmp_path):
    path = tmp_path / "garbage.txt"
    path.write_bytes(b"\x81\x30" + bytes([0x80, 0xff, 0xfe]) * 300)  # no BOM, no NUL, no control bytes
    fails(path, "not text in any supported encoding")


def test_garbage_after_a_utf16_bom(tmp_path):
    path = tmp_path / "garbage16.txt"
    path.write_bytes(b"\xff\xfe\xfd" * 5 + b"\x81\x30" + bytes([0x80, 0xff, 0xfe]) * 300)
    fails(path, "starts with a utf-16 byte order mark but is not valid utf-16")


def test_invalid_utf16_after_a_bom(tmp_path):
    path = tmp_path / "bad16.txt"
    path.write_bytes(b"\xff\xfe" + b"\x00\xd8" + b"a")
    fails(path, "starts with a utf-16 byte order mark but is not valid utf-16")


def test_corrupt_docx(tmp_path):
    path = tmp_path / "corrupt.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    fails(path, "is not a valid .docx (not a zip archive")


def test_truncated_docx(tmp_path):
    good = make_docx(tmp_path / "good.docx")
    path = tmp_path / "truncated.docx"
    path.write_bytes(truncated(good.read_bytes()))
    fails(path, "is not a valid .docx (not a zip archive; damaged or truncated?)")


def test_zip_that_is_not_a_word_document(tmp_path):
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    fails(path, "is not a Word document (no word/document.xml inside)")


def test_zip_bomb_docx_is_refused_without_inflating(tmp_path):
    path = make_zip_bomb_docx(tmp_path / "bomb.docx")
    assert path.stat().st_size < 5 * 1024 * 1024
    fails(path, "MB in 0.6 MB: refused as a zip bomb")


def test_entity_expansion_docx_is_refused(tmp_path):
    fails(make_entity_docx(tmp_path / "lol.docx"), "declares XML entities; refused as unsafe")


def test_entity_declared_in_a_utf16_document_xml_is_refused(tmp_path):
    fails(make_utf16_entity_docx(tmp_path / "lol16.docx"), "declares XML entities; refused as unsafe")


def test_entity_declared_in_the_styles_part_is_refused_before_python_docx_parses_it(tmp_path):
    fails(make_styles_doctype_docx(tmp_path / "styles-lol.docx"), "declares XML entities; refused as unsafe")


def test_entity_declared_in_a_part_not_named_xml_is_refused(tmp_path):
    # python-docx parses a part by its content type, not by its name
    good = make_docx(tmp_path / "good.docx")
    path = tmp_path / "renamed.docx"
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info))
        new.writestr("word/part.bin", ENTITY_XML.encode("utf-16-le"))  # no BOM either
    fails(path, "declares XML entities; refused as unsafe")


def test_zip_bomb_in_the_styles_part_is_refused_before_python_docx_inflates_it(tmp_path):
    path = make_styles_bomb_docx(tmp_path / "styles-bomb.docx")
    assert path.stat().st_size < 1024 * 1024
    fails(path, "refused as a zip bomb")


def test_a_word_archive_without_its_package_parts_is_damaged(tmp_path):
    path = tmp_path / "bare.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="x"/>')
    fails(path, "the Word document is damaged")


def test_a_word_document_without_a_body(tmp_path):
    good = make_docx(tmp_path / "good.docx")
    path = rewrite_docx(good, tmp_path / "bodiless.docx", {"word/document.xml": lambda xml: (
        xml[:xml.index(b"<w:body>")] + xml[xml.index(b"</w:body>") + len(b"</w:body>"):])})
    fails(path, "the Word document has no body")


def test_a_password_protected_docx_is_not_called_damaged(tmp_path):
    path = tmp_path / "locked.docx"  # Word wraps an encrypted .docx in an OLE compound file
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000)
    fails(path, "is a password-protected Word file (or an old .doc renamed .docx)")


def test_corrupt_pdf(tmp_path):
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(b"%PDF-1.7\n this is not a pdf at all")
    fails(path, "is damaged or truncated and cannot be opened")


def test_truncated_pdf(tmp_path):
    good = make_pdf(tmp_path / "good.pdf", ["受理案件1425918件"] * 3)
    path = tmp_path / "truncated.pdf"
    path.write_bytes(truncated(good.read_bytes()))
    fails(path, "is damaged or truncated and cannot be opened")


def test_not_a_pdf_at_all(tmp_path):
    path = tmp_path / "fake.pdf"
    path.write_text("hello", encoding="utf-8")
    fails(path, "is not a PDF (no %PDF header; damaged or mislabelled?)")


def test_password_protected_pdf(tmp_path):
    source = make_pdf(tmp_path / "plain.pdf", ["受理案件1425918件"])
    fails(make_encrypted_pdf(tmp_path / "locked.pdf", source), "is password-protected; open it with its password")


def test_scanned_pdf(tmp_path):
    fails(make_scanned_pdf(tmp_path / "scan.pdf"), "has no text layer (a scanned PDF?): run it through OCR first")


def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("受理案件1425918件\n" * 1000, encoding="utf-8")
    fails(path, "over the limit of", size_limit=10_000)
    assert read_document(path).text  # the default limit (50 MB) lets it in


def test_missing_path(tmp_path):
    assert isinstance(fails(tmp_path / "nowhere.txt", "no such file"), base.DocumentMissing)


def test_directory_given_as_a_file(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    fails(folder, "is a folder, not a file")


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("受理案件1425918件", encoding="utf-8")
    real_open = base._os_open

    def refusing_open(file, *args):  # root reads anything: refuse the way a normal user is refused
        if str(file) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(file, *args)

    monkeypatch.setattr(base, "_os_open", refusing_open)
    fails(path, "cannot be read (Permission denied)")


def test_a_file_name_with_a_nul_character_is_refused_in_one_line():
    fails("report\x00.txt", "cannot be read (embedded null byte)")


def test_a_file_name_with_a_newline_stays_on_one_line(tmp_path):
    path = tmp_path / "two\nlines.txt"
    path.write_bytes(b"")
    assert "two\\nlines.txt" in str(fails(path, "the file is empty"))


def test_a_library_message_with_a_newline_stays_on_one_line(tmp_path):
    error = DocumentError(tmp_path / "x.pdf", "damaged\nobject 12")
    assert "\n" not in str(error) and "damaged\\nobject 12" in str(error)


def test_unsupported_type(tmp_path):
    path = tmp_path / "sheet.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    fails(path, "unsupported file type '.xls': use .txt, .md, .docx, .pdf, .html or .htm")


def test_the_message_is_in_the_reviewers_language(tmp_path):
    from reviewer import i18n

    path = tmp_path / "folder.txt"
    i18n.set_language("zh_CN")
    try:
        with pytest.raises(DocumentError) as info:
            read_document(tmp_path / "nowhere.txt")
        assert str(info.value) == f"{shown_path(tmp_path / 'nowhere.txt')}：文件不存在"
        path.mkdir()
        with pytest.raises(DocumentError) as info:
            read_document(path)
        assert info.value.reason == "是文件夹，不是文件"
    finally:
        i18n.set_language("en")
