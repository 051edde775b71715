"""Only regular files are read: a named pipe, a device or a socket given as a document (or put
in place of an imported source) is refused at once with one line, and never hangs.

Opening a named pipe for reading waits for a writer, so each case runs in a child process with a
timeout: a regression fails the test instead of hanging the suite."""
import json
import os
import socket
import subprocess
import sys
import textwrap

import pytest

from reviewer.documents import DocumentError, base, read_document
from tests.conftest import ROOT

GUARD_SECONDS = 60  # generous: the child answers in well under a second, a hang never does

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


def in_child(code: str, path) -> dict:
    """Run `code` (which sets `result`) with `path` in a fresh interpreter; its result as JSON."""
    program = textwrap.dedent("""
        import json, sys
        from pathlib import Path
        from reviewer import i18n
        from reviewer.documents import DocumentError, base, read_document
        i18n.set_language("en")
        path = Path(sys.argv[1])
        result = {}
        try:
    """) + textwrap.indent(textwrap.dedent(code), "    ") + textwrap.dedent("""
        except DocumentError as exc:
            result = {"error": str(exc), "reason": exc.reason}
        print(json.dumps(result))
    """)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    try:
        done = subprocess.run([sys.executable, "-c", program, str(path)], capture_output=True, text=True,
                              timeout=GUARD_SECONDS, env=env, cwd=ROOT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"hung on {path} (killed after {GUARD_SECONDS} s)")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "report.txt"
    os.mkfifo(path)
    return path


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(fifo):
    result = in_child("read_document(path)\nresult = {'read': True}", fifo)
    assert result.get("reason") == "is a named pipe, not a regular file; refused", result
    assert result["error"] == f"{fifo}: is a named pipe, not a regular file; refused"


def test_hashing_a_source_replaced_by_a_named_pipe_is_refused_without_hanging(fifo):
    result = in_child("result = {'sha256': base.file_sha256(path)}", fifo)
    assert result.get("reason") == "is a named pipe, not a regular file; refused", result


def test_a_pipe_that_appears_after_the_check_cannot_hang_the_open(fifo):
    # the name checked a moment ago may be a pipe by the time it is opened: the open itself
    # must not wait for a writer, and what it opened is checked again
    result = in_child("base.open_checked(path)\nresult = {'opened': True}", fifo)
    assert result.get("reason") == "is a named pipe, not a regular file; refused", result


def test_a_device_is_refused_before_it_is_opened(tmp_path):
    path = tmp_path / "null.txt"
    path.symlink_to(os.devnull)
    with pytest.raises(DocumentError) as info:
        read_document(path)
    assert info.value.reason == "is a device, not a regular file; refused"
    with pytest.raises(DocumentError, match="is a device"):
        base.file_sha256(path)


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "live.txt"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        with pytest.raises(DocumentError) as info:
            read_document(path)
        assert info.value.reason == "is a socket, not a regular file; refused"
    finally:
        server.close()


def test_file_sha256_of_a_regular_file_is_the_sha256_of_its_bytes(tmp_path):
    import hashlib

    path = tmp_path / "report.txt"
    data = "受理案件1425918件\n".encode() * 200_000  # several read chunks
    path.write_bytes(data)
    assert base.file_sha256(path) == hashlib.sha256(data).hexdigest() == read_document(path).sha256


def test_file_sha256_of_a_missing_file_says_it_is_missing(tmp_path):
    with pytest.raises(base.DocumentMissing) as info:
        base.file_sha256(tmp_path / "gone.txt")
    assert info.value.reason == "no such file"


def test_file_sha256_of_a_folder_is_refused(tmp_path):
    with pytest.raises(DocumentError) as info:
        base.file_sha256(tmp_path)
    assert info.value.reason == "is a folder, not a file"
