"""Settings: every field documented in .env.example, lists and zones validated."""

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.settings import Settings
from tests.conftest import ROOT


def test_every_setting_is_in_env_example() -> None:
    example = (ROOT / ".env.example").read_text()
    documented = set(re.findall(r"^([A-Z][A-Z0-9_]*)=", example, flags=re.MULTILINE))
    fields = {name.upper() for name in Settings.model_fields}
    assert fields == documented


def test_env_example_loads_as_settings() -> None:
    settings = Settings(_env_file=ROOT / ".env.example")
    assert settings.telegram_bot_token == ""
    assert settings.briefing_db == Path("./data/briefing.db")


def test_id_lists_and_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLOWED_USER_IDS", "12, 34;56")
    monkeypatch.setenv("ADMIN_USER_IDS", "")
    settings = Settings(_env_file=None)
    assert settings.allowed_user_ids == frozenset({12, 34, 56})
    assert settings.admin_user_ids == frozenset()
    monkeypatch.setenv("ALLOWED_USER_IDS", "twelve")
    with pytest.raises(ValidationError):
        Settings(_env_file=None)


def test_unknown_zone_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEFAULT_TIMEZONE", "Mars/Olympus")
    with pytest.raises(ValidationError):
        Settings(_env_file=None)
