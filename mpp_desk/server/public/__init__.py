"""The public pages of mpp-central for citizens on their phones (docs/public-pages.md)."""

from mpp_desk.server.public.routes import install

__all__ = ["install"]
