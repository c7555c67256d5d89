"""Configuration from environment variables."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ervaring.settings.environment import cache_from_url, env_bool, env_list


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("redis://cache.internal:6379/0", "caching.backends.ResilientRedisCache"),
        ("rediss://cache.internal:6380/1", "caching.backends.ResilientRedisCache"),
        ("file:///var/lib/ervaring/cache", "caching.backends.ResilientFileBasedCache"),
        ("locmem://", "django.core.cache.backends.locmem.LocMemCache"),
        ("dummy://", "django.core.cache.backends.dummy.DummyCache"),
        (None, "caching.backends.ResilientFileBasedCache"),
    ],
)
def test_cache_urls(url, backend):
    config = cache_from_url(url, folder="/var/lib/ervaring/cache")
    assert config["BACKEND"] == backend
    if url and url.startswith("redis"):
        assert config["LOCATION"] == url
    if not url or url.startswith("file"):
        assert config["LOCATION"] == "/var/lib/ervaring/cache"


def test_an_unknown_cache_url_is_a_clear_error():
    with pytest.raises(ValueError, match="onbekend schema 'memcached'"):
        cache_from_url("memcached://localhost")


def test_yes_no_and_list_variables(monkeypatch):
    monkeypatch.setenv("EEN_VLAG", "nee")
    assert env_bool("EEN_VLAG", default=True) is False
    for value in ("1", "true", "YES", "Ja", "on"):
        monkeypatch.setenv("EEN_VLAG", value)
        assert env_bool("EEN_VLAG") is True
    monkeypatch.setenv("EEN_VLAG", "")
    assert env_bool("EEN_VLAG", default=True) is True
    monkeypatch.setenv("HOSTS", "ervaring.nl, www.ervaring.nl,,")
    assert env_list("HOSTS", default=[]) == ["ervaring.nl", "www.ervaring.nl"]
    monkeypatch.delenv("HOSTS")
    assert env_list("HOSTS", default=["localhost"]) == ["localhost"]


def test_make_runs_var_folder_is_for_its_owner_only(tmp_path):
    """The development settings (`make run`) keep var/ owner-only: the database holds password
    hashes and e-mail addresses, the key signs sessions. An older checkout is put right."""
    var = tmp_path / "var"
    var.mkdir(mode=0o755)
    (var / "dev-secret-key").write_text("een-oude-sleutel-die-iedereen-kon-lezen")
    (var / "dev-secret-key").chmod(0o644)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "SECRET_KEY", "CACHE_URL", "REDIS_URL", "MEDIA_ROOT"}
    }
    env |= {"DJANGO_SETTINGS_MODULE": "ervaring.settings.dev", "ERVARING_VAR_DIR": str(var)}
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.db import connection; connection.ensure_connection()",
        ],
        cwd=Path(__file__).resolve().parents[1],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert var.stat().st_mode & 0o777 == 0o700
    assert (var / "db.sqlite3").stat().st_mode & 0o777 == 0o600
    assert (var / "dev-secret-key").stat().st_mode & 0o777 == 0o600
    # A new key, where there was none, is owner-only from its first byte.
    (var / "dev-secret-key").unlink()
    subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=Path(__file__).resolve().parents[1],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert (var / "dev-secret-key").stat().st_mode & 0o777 == 0o600
