"""Settings from the environment and `.env`; built in `main()`, never at import."""

from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

IdList = Annotated[frozenset[int], NoDecode]
HostList = Annotated[frozenset[str], NoDecode]


class Settings(BaseSettings):
    """Everything the bot reads from its environment. `.env.example` documents each field."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: str = Field(default="", description="Bot token; empty: console chat.")
    briefing_db: Path = Field(default=Path("./data/briefing.db"))
    allowed_user_ids: IdList = Field(default=frozenset())
    admin_user_ids: IdList = Field(default=frozenset())
    default_timezone: str = "UTC"
    log_level: str = "INFO"
    telegram_api_base_url: str = ""
    fetch_allow_hosts: HostList = Field(default=frozenset())
    extract_timeout: float = Field(default=20.0, gt=0, description="Seconds to read one page.")
    extract_memory_mb: int = Field(default=1024, ge=256, description="Per reading worker.")

    @field_validator("allowed_user_ids", "admin_user_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [p for p in value.replace(";", ",").replace(" ", ",").split(",") if p]
            try:
                return frozenset(int(p) for p in parts)
            except ValueError as error:
                raise ValueError("user ids must be whole numbers separated by commas") from error
        return value

    @field_validator("fetch_allow_hosts", mode="before")
    @classmethod
    def _split_hosts(cls, value: object) -> object:
        if isinstance(value, str):
            return frozenset(p.strip().lower() for p in value.split(",") if p.strip())
        return value

    @field_validator("default_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"unknown time zone {value!r}; use an Area/City name") from error
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL")
        return level
