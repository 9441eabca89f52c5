"""Settings from `reconcile.toml` or `[tool.reconcile]` in `pyproject.toml`, as click defaults.

The file is looked for from the working directory upward (stopping at a repository's root).
Its keys are the long option names of `check` and `validate` (`format`, `fail-on`,
`junit-xml`, ...) plus a `[severity]` table; they become click's ``default_map``, so an option
given on the command line always wins. An unknown key or a wrong type is an error that names
the key and the file, never a silence.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click

from reconcile.errors import ConfigError
from reconcile.limits import load_toml, read_toml_text
from reconcile.model import Phrase
from reconcile.nearest import did_you_mean

CONFIG_FILE = "reconcile.toml"
PYPROJECT = "pyproject.toml"
SEVERITY_KEY = "severity"  # a table {code: level}; becomes the --severity option's values


def _read_toml(path: Path, display: str) -> dict[str, Any]:
    try:
        return load_toml(read_toml_text(path), display)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            "{where}: cannot read the configuration file ({problem})", where=display, problem=exc
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            "{where}: not valid TOML ({problem})", where=display, problem=exc
        ) from exc


def _display(path: Path) -> str:
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive (Windows)
        return path.as_posix()


def _tool_table(data: dict[str, Any]) -> Any:
    tool = data.get("tool")
    return tool.get("reconcile") if isinstance(tool, dict) else None


def find_config(start: Path) -> Path | None:
    """The nearest reconcile.toml, or pyproject.toml with [tool.reconcile], from ``start`` up."""
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder / CONFIG_FILE
        pyproject = folder / PYPROJECT
        if pyproject.is_file():
            try:
                data = load_toml(read_toml_text(pyproject), _display(pyproject))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ConfigError):
                data = {}  # not ours to judge unless it is the one we use
            if _tool_table(data) is not None:
                return pyproject
        if (folder / ".git").exists():
            return None
    return None


def read_config(path: Path) -> tuple[dict[str, Any], str]:
    """The settings table of ``path`` and how errors name it."""
    display = _display(path)
    data = _read_toml(path, display)
    if path.name == PYPROJECT:
        display = f"{display} [tool.reconcile]"
        table = _tool_table(data)
        if not isinstance(table, dict):
            raise ConfigError("{where}: missing, or not a table", where=display)
        return table, display
    return data, display


def _options(commands: Mapping[str, click.Command]) -> dict[str, list[tuple[str, click.Option]]]:
    """Config key (the long option name) -> the commands and options it sets."""
    found: dict[str, list[tuple[str, click.Option]]] = {}
    for name, command in commands.items():
        for param in command.params:
            if not isinstance(param, click.Option) or param.hidden:
                continue
            longs = [o for o in param.opts if o.startswith("--")]
            if longs:
                found.setdefault(longs[0][2:], []).append((name, param))
    return found


def _rebase(value: str, base: Path) -> str:
    """A path in the file means a path beside the file, wherever reconcile runs from."""
    from reconcile.report.output import split_format

    fmt, path = split_format(value)
    if fmt is not None:
        return f"{fmt}:{_rebase(path, base)}"
    if Path(value).is_absolute():
        return value
    return _display(base / value)


def _check(key: str, value: Any, param: click.Option, where: str, base: Path) -> Any:
    if param.is_flag and not param.multiple:
        if not isinstance(value, bool):
            raise _wrong(key, value, where, Phrase("true or false"))
        return value
    if param.multiple:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            raise _wrong(key, value, where, Phrase("a text or a list of texts"))
        return [_scalar(key, item, param.type, where, base) for item in items]
    return _scalar(key, value, param.type, where, base)


def _wrong(key: str, value: Any, where: str, expected: Phrase) -> ConfigError:
    return ConfigError(
        "{where}: {key} must be {expected}, not {value!r}",
        where=where,
        key=key,
        expected=expected,
        value=value,
    )


def _scalar(key: str, value: Any, kind: click.ParamType[Any], where: str, base: Path) -> Any:
    if isinstance(kind, click.Choice):
        if value not in kind.choices:
            choices = ", ".join(map(str, kind.choices))
            raise _wrong(key, value, where, Phrase("one of {choices}", {"choices": choices}))
        return value
    if isinstance(kind, click.types.IntParamType):
        if isinstance(value, bool) or not isinstance(value, int):
            raise _wrong(key, value, where, Phrase("a whole number"))
        return value
    if isinstance(kind, click.types.FloatParamType):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _wrong(key, value, where, Phrase("a number"))
        return value
    if not isinstance(value, str):
        raise _wrong(key, value, where, Phrase("a text"))
    if "\x00" in value:  # TOML's "\u0000": no file, sheet or layout has it in its name
        raise _wrong(key, value, where, Phrase("a text without the character NUL"))
    if isinstance(kind, click.Path) or key == "output":
        return _rebase(value, base)
    return value


def _severity(value: Any, where: str) -> list[str]:
    from reconcile.policy import parse_severity

    if not isinstance(value, dict):
        raise ConfigError(
            "{where}: {key} must be a table of code = level", where=where, key=SEVERITY_KEY
        )
    return [
        "{}={}".format(*parse_severity(code, level, f"{where} [{SEVERITY_KEY}]"))
        for code, level in value.items()
    ]


def default_map(path: Path, commands: Mapping[str, click.Command]) -> dict[str, dict[str, Any]]:
    """The settings of ``path`` as click's default_map for ``commands``; ConfigError if wrong."""
    table, where = read_config(path)
    options = _options(commands)
    defaults: dict[str, dict[str, Any]] = {}
    for key, value in table.items():
        if key not in options:
            known = ", ".join(sorted(options))
            raise ConfigError(
                "{where}: unknown key {key!r} (known keys: {known}).{hint}",
                where=where,
                key=key,
                known=known,
                hint=did_you_mean(key, options),
            )
        for command, param in options[key]:
            if key == SEVERITY_KEY:
                checked: Any = _severity(value, where)
            else:
                checked = _check(key, value, param, where, path.parent)
            defaults.setdefault(command, {})[param.name or key] = checked
    return defaults
