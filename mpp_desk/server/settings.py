"""The central server's settings, typed in one place (environment ``MPP_CENTRAL_*`` or options).

The secret (``MPP_CENTRAL_SECRET_KEY``) keys the HMAC of every device credential and enrolment code;
commands that need it refuse to start without a real one.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_SECRETS = {"", "changethis", "change-me", "changeme", "secret", "please-change", "xxx"}
MIN_SECRET_LENGTH = 32


class ServerSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MPP_CENTRAL_", extra="ignore")

    database_url: str
    secret_key: SecretStr | None = None
    host: str = "127.0.0.1"
    port: int = Field(default=8750, ge=1, le=65535)
    tls_cert: Path | None = None
    tls_key: Path | None = None
    max_batch_ops: int = Field(default=500, ge=1)
    max_body_bytes: int = Field(default=8 * 1024 * 1024, ge=1024)
    pull_page_max: int = Field(default=1000, ge=1)
    enrolment_hours: int = Field(default=24, ge=1)
    queue_config_check_s: float = Field(default=2.0, ge=0)  # how stale the live queue's configuration may be

    @field_validator("database_url")
    @classmethod
    def _postgresql(cls, value: str) -> str:
        """SQLAlchemy URL with the psycopg 3 driver; only PostgreSQL."""
        for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
            if value.startswith(prefix):
                return "postgresql+psycopg://" + value[len(prefix):]
        raise ValueError("the database must be a PostgreSQL URL (postgresql://user@host/name)")

    @field_validator("secret_key")
    @classmethod
    def _real_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None:
            return None
        text = value.get_secret_value()
        if text.strip().lower() in PLACEHOLDER_SECRETS:
            raise ValueError("MPP_CENTRAL_SECRET_KEY is a placeholder; set a random value (e.g. `openssl rand -hex 32`)")
        if len(text) < MIN_SECRET_LENGTH:
            raise ValueError(f"MPP_CENTRAL_SECRET_KEY must be at least {MIN_SECRET_LENGTH} characters")
        return value

    @model_validator(mode="after")
    def _tls_pair(self) -> "ServerSettings":
        if (self.tls_cert is None) != (self.tls_key is None):
            raise ValueError("give both --tls-cert and --tls-key, or neither")
        for path in (self.tls_cert, self.tls_key):
            if path is not None and not path.is_file():
                raise ValueError(f"TLS file not found: {path}")
        return self

    def secret(self) -> bytes:
        """The HMAC key; refuses to go on without one."""
        if self.secret_key is None:
            raise ValueError("MPP_CENTRAL_SECRET_KEY is not set; set a random value (e.g. `openssl rand -hex 32`)")
        return self.secret_key.get_secret_value().encode()
