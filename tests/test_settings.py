"""Configuration from environment variables."""

import pytest

from ervaring.settings.environment import cache_from_url, env_bool, env_list


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("redis://cache.internal:6379/0", "ervaring.caching.backends.ResilientRedisCache"),
        ("rediss://cache.internal:6380/1", "ervaring.caching.backends.ResilientRedisCache"),
        ("file:///var/lib/ervaring/cache", "django.core.cache.backends.filebased.FileBasedCache"),
        ("locmem://", "django.core.cache.backends.locmem.LocMemCache"),
        ("dummy://", "django.core.cache.backends.dummy.DummyCache"),
        (None, "django.core.cache.backends.filebased.FileBasedCache"),
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
