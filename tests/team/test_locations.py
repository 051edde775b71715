"""A project location: a .frp path or postgresql://[user@]host[:port]/db?project=NAME; a URL with
a password is never saved, and libpq's own parameters pass through to psycopg."""

from pathlib import Path

import pytest

from reviewer.store.errors import BadLocation, PasswordInLocation
from reviewer.store.locations import FileLocation, ServerLocation, parse_location

PARSED = [
    ("review.frp", FileLocation(Path("review.frp"))),
    ("/data/年度 报告.frp", FileLocation(Path("/data/年度 报告.frp"))),
    ("postgresql://db.example.org/newsroom?project=budget2025",
     ServerLocation(project="budget2025", database="newsroom", host="db.example.org")),
    ("postgresql://alice@db.example.org:6543/newsroom?project=p1",
     ServerLocation(project="p1", database="newsroom", host="db.example.org", port=6543, user="alice")),
    ("postgresql+psycopg://alice@localhost/newsroom?project=p1",
     ServerLocation(project="p1", database="newsroom", host="localhost", user="alice")),
    ("postgresql://bob:s3cret@h/newsroom?project=p1",
     ServerLocation(project="p1", database="newsroom", host="h", user="bob", password="s3cret")),
    ("postgresql://h/newsroom?sslmode=verify-full&sslrootcert=/etc/ca.pem&project=p1",
     ServerLocation(project="p1", database="newsroom", host="h",
                    parameters=(("sslmode", "verify-full"), ("sslrootcert", "/etc/ca.pem")))),
    ("postgresql://?service=desk&project=p1", ServerLocation(project="p1", parameters=(("service", "desk"),))),
    ("postgresql:///newsroom?host=/var/run/postgresql&project=p1",
     ServerLocation(project="p1", database="newsroom", parameters=(("host", "/var/run/postgresql"),))),
    ("postgresql://%E5%BC%A0@h/%E6%8A%A5%E5%91%8A?project=p1",
     ServerLocation(project="p1", database="报告", host="h", user="张")),
    ("postgresql://[::1]:5432/newsroom?project=p1",
     ServerLocation(project="p1", database="newsroom", host="::1", port=5432)),
]


@pytest.mark.parametrize(("text", "expected"), PARSED)
def test_a_location_is_parsed(text, expected):
    assert parse_location(text) == expected


REFUSED = [
    ("review.txt", "name a .frp file or a postgresql://"),
    ("mysql://h/db?project=p1", "starts with postgresql://"),
    ("postgresql://h/newsroom", "names no project: add ?project=NAME"),
    ("postgresql://h/newsroom?project=a&project=b", "more than one project"),
    ("postgresql://h/newsroom?project=Budget", "'Budget' is not a project name"),
    ("postgresql://h/newsroom?project=pg_catalog", "is not a project name"),
    ("postgresql://h/newsroom?project=public", "is not a project name"),
    ("postgresql://h/newsroom?project=", "'' is not a project name"),
    ("postgresql://h/newsroom?project=预算", "is not a project name"),
    ("postgresql://h/newsroom?project=" + "a" * 41, "at most 40"),
    ("postgresql://h:99999/newsroom?project=p1", "the port must be a number"),
    ("postgresql://h:x/newsroom?project=p1", "the port must be a number"),
    ("postgresql://h:0/newsroom?project=p1", "the port must be a number"),
    ("postgresql://h/a/b?project=p1", "one database after the host"),
    ("postgresql://h?project=p1", "names no database"),
    ("postgresql://h/newsroom?project=p1#x", "no '#' part"),
    ("postgresql://h/newsroom?project=p1&&x", "name=value pairs"),
]


@pytest.mark.parametrize(("text", "problem"), REFUSED)
def test_a_bad_location_is_one_line_naming_it(text, problem):
    with pytest.raises(BadLocation) as caught:
        parse_location(text)
    message = str(caught.value)
    assert problem in message
    assert "\n" not in message
    assert message.startswith(text.split("?")[0].split("#")[0][:10])


@pytest.mark.parametrize("text", [
    "postgresql://bob:s3cret@h/newsroom?project=Bad",
    "postgresql://bob:s3cret@h:x/newsroom?project=p1",
    "postgresql://h/newsroom?password=s3cret",
])
def test_a_message_never_shows_the_password(text):
    with pytest.raises(BadLocation) as caught:
        parse_location(text)
    assert "s3cret" not in str(caught.value)


SAVED = [
    ("review.frp", str(Path("review.frp").absolute())),
    ("postgresql://alice@db.example.org:6543/newsroom?project=p1",
     "postgresql://alice@db.example.org:6543/newsroom?project=p1"),
    ("postgresql+psycopg://h/newsroom?sslmode=require&project=p1", "postgresql://h/newsroom?sslmode=require&project=p1"),
    ("postgresql://?service=desk&project=p1", "postgresql:///?service=desk&project=p1"),
    ("postgresql://[::1]/newsroom?project=p1", "postgresql://[::1]/newsroom?project=p1"),
]


@pytest.mark.parametrize(("text", "saved"), SAVED)
def test_recent_projects_keep_the_location_without_secrets(text, saved):
    kept = parse_location(text).for_recent_projects()
    assert kept == saved
    assert parse_location(kept).for_recent_projects() == kept


@pytest.mark.parametrize("text", [
    "postgresql://bob:s3cret@h/newsroom?project=p1",
    "postgresql://bob:@h/newsroom?project=p1",  # an empty password is still one the user typed into a URL
    "postgresql://bob@h/newsroom?password=s3cret&project=p1",
])
def test_a_url_with_a_password_is_refused_for_recent_projects(text):
    with pytest.raises(PasswordInLocation) as caught:
        parse_location(text).for_recent_projects()
    assert "s3cret" not in str(caught.value)
    assert ".pgpass" in str(caught.value)


CONNECT = [
    ("postgresql://alice@h:6543/newsroom?project=p1",
     {"connect_timeout": "10", "user": "alice", "host": "h", "port": 6543, "dbname": "newsroom"}),
    ("postgresql://?service=desk&sslmode=verify-full&project=p1",
     {"connect_timeout": "10", "service": "desk", "sslmode": "verify-full"}),
    ("postgresql://h/newsroom?connect_timeout=3&project=p1",
     {"connect_timeout": "3", "host": "h", "dbname": "newsroom"}),
    ("postgresql://bob:pw@h/newsroom?project=p1",
     {"connect_timeout": "10", "user": "bob", "password": "pw", "host": "h", "dbname": "newsroom"}),
]


@pytest.mark.parametrize(("text", "arguments"), CONNECT)
def test_libpq_parameters_pass_through_to_psycopg(text, arguments):
    location = parse_location(text)
    assert isinstance(location, ServerLocation)
    assert location.connect_arguments() == arguments


def test_a_parsed_url_connects_to_a_real_server_with_its_libpq_parameters(postgresql_database):
    import psycopg

    location = parse_location(postgresql_database + "?application_name=desk_review&project=p1")
    with psycopg.connect(**location.connect_arguments()) as conn:
        assert conn.execute("SHOW application_name").fetchone()[0] == "desk_review"
        assert conn.execute("SELECT current_database()").fetchone()[0] == location.database
