"""The Jinja environment: autoescape always, strict undefined, templates from the package."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape


def packaged_templates_dir() -> Path:
    """Where the report templates live: inside the installed wheel, or the repository's templates/."""
    inside = Path(str(resources.files("bias"))) / "templates"
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parents[2] / "templates"


def make_environment(user_templates: Path | None = None) -> Environment:
    """A fresh environment (no module-level state). ``user_templates`` is searched first, so a user's
    templates may override or extend the packaged ones."""
    loaders = [FileSystemLoader(str(user_templates))] if user_templates else []
    loaders.append(FileSystemLoader(str(packaged_templates_dir())))
    return Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
