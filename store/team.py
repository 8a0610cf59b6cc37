"""The team: leads publish their data into one shared git repository; a manager reads them all.

The team shares one git repository (any remote git can reach: a hosted one, or a bare
repository on a file share). ``okr team join REPO`` clones it into the data dir as
``team/``; each lead's ``okr team publish`` writes ``leads/<name>.json`` there, commits
it, fetches and rebases (``git pull --rebase``, done as ``git fetch`` + ``git rebase``
so that "unreachable" and "rebase failed" are told apart) and pushes, retrying once on
a rejected push. Each lead writes only their own file, so two leads publishing at the
same moment never conflict in content: the later push is rejected, rebases onto the
earlier one and lands.

Only the ``git`` command is used, through :func:`git`: an argument list (never a
shell), a timeout on every call, ``GIT_TERMINAL_PROMPT=0``, no controlling terminal
(``start_new_session``: neither git nor ssh can ask for a password on the user's
terminal, which would hang the command or draw over the app), messages in the C
locale (they are classified), and the commit identity given on the command line
(``-c user.name=NAME``), so it works where git has no user configured.

What is published (:func:`published_document`) is the export document of
:meth:`store.repo.Store.export`, whatever its version, without ``meetings``: one-on-one
notes never leave the lead's machine, and drafts are not part of an export.

Reading (:func:`read_leads`) validates every lead's file completely with
:func:`store.repo.parse_document`; a file that is damaged, cut short, of a newer
version or not an okr-checkin document is named in a :class:`Skipped` and left out,
and the others are read. A lead's own store is never written by anything here.

This module never imports Textual, click or tui: the words are tui's (tui/words/team.py);
errors raise :class:`TeamError`, one English sentence (a StoreError: the command line
shows it as one line, exit 1).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import shutil
import signal
import subprocess
import sys
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store.storage import StoreError

if TYPE_CHECKING:
    from store.model import CheckIn, Meeting, Objective
    from store.repo import Store

TEAM_DIR = "team"  # the clone, inside the data dir
LEADS_DIR = "leads"  # the leads' files, inside the clone
SETTINGS_FILE = "team-settings.json"  # in the data dir, never in the clone
LOCAL_TIMEOUT = 30  # seconds for a git command that stays on this machine
NETWORK_TIMEOUT = 60  # seconds for clone, fetch and push
MAX_LEAD_FILE = 64 * 1024 * 1024  # a lead's file larger than this is skipped
MAX_NAME = 64  # characters in a slug


class TeamError(StoreError):
    """One sentence for the user (exit 1 on the command line)."""


class GitMissing(TeamError):
    """No ``git`` command on this machine."""


class Unreachable(TeamError):
    """The team repository could not be reached (offline, moved, no access)."""


# -- names ----------------------------------------------------------------------------------


def _is_cjk(ch: str) -> bool:
    """A CJK letter (Han, kana, hangul), kept as it is in a name's slug."""
    if unicodedata.category(ch) != "Lo":
        return False
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return False
    return name.startswith(("CJK ", "HIRAGANA", "KATAKANA", "HANGUL"))


def check_name(name: str) -> str:
    """``name`` stripped, or TeamError when it could escape ``leads/`` or name nothing.

    Refused: empty, a path separator (``/`` or ``\\``), ``..``, a leading dot, a control
    character (anything of Unicode category C: ESC, NUL, bidi overrides...)."""
    text = name.strip() if isinstance(name, str) else ""
    shown = "".join(ch if unicodedata.category(ch)[0] != "C" else "?" for ch in text)
    if not text:
        raise TeamError("a lead's name must not be empty; give one with --as NAME.")
    if "/" in text or "\\" in text or ".." in text or text.startswith("."):
        raise TeamError(
            f"{shown!r} cannot be a lead's name: a name must not hold a path separator "
            "(/ or \\), '..' or start with a dot (it names a file in leads/)."
        )
    if any(unicodedata.category(ch)[0] == "C" for ch in text):
        raise TeamError(f"{shown!r} cannot be a lead's name: it holds a control character.")
    return text


def slug(name: str) -> str:
    """The file name (without .json) of a lead's name: lowercase ASCII letters, digits,
    ``-`` and ``_``, and CJK letters kept as they are. Spaces become ``-``; accents are
    dropped (José: jose); any other character is left out. ``Li Lei 李雷``: ``li-lei-李雷``.

    TeamError when the name is refused by :func:`check_name` or leaves nothing."""
    text = unicodedata.normalize("NFKC", check_name(name))
    out: list[str] = []
    for ch in unicodedata.normalize("NFKD", text.lower()):
        if ch.isascii():
            if ch.isalnum() or ch in "-_":
                out.append(ch)
            elif ch.isspace() or ch in ".,;:+&'·":
                out.append("-")
        elif unicodedata.combining(ch):
            continue
        elif ch.isspace():
            out.append("-")
        elif _is_cjk(ch):
            out.append(ch)
    # NFKD splits some CJK compatibility characters; NFC puts hangul syllables back.
    result = unicodedata.normalize("NFC", "".join(out))
    result = re.sub(r"-{2,}", "-", result).strip("-_")[:MAX_NAME].strip("-_")
    if not result:
        raise TeamError(
            f"{check_name(name)!r} has no letter or digit to name a file with; "
            "give a name with --as NAME (letters, digits, - and _; Chinese names work)."
        )
    return result


def lead_path(team: Path, name_slug: str) -> Path:
    """``team/leads/<slug>.json``; TeamError if it would lie anywhere else (a name that
    escapes, or a ``leads`` that is a symlink committed by someone)."""
    leads = team / LEADS_DIR
    if leads.is_symlink() or (leads.exists() and not leads.is_dir()):
        raise TeamError(f"{leads} is not a plain folder; the team repository cannot be used.")
    path = leads / f"{name_slug}.json"
    if path.resolve().parent != leads.resolve() or path.parent != leads:
        raise TeamError(f"{name_slug!r} would name a file outside leads/; choose another name.")
    return path


# -- running git ----------------------------------------------------------------------------


@dataclass
class GitResult:
    code: int
    out: str
    err: str

    @property
    def ok(self) -> bool:
        return self.code == 0

    def line(self) -> str:
        """git's most telling line (its last ``fatal:``/``error:`` line, else its last line),
        made printable."""
        lines = [x.strip() for x in (self.err + "\n" + self.out).splitlines() if x.strip()]
        telling = [x for x in lines if x.startswith(("fatal:", "error:", "remote: error"))]
        text = (telling or lines or [f"git exited with {self.code}"])[-1]
        text = text.removeprefix("fatal: ").removeprefix("error: ")
        return "".join(ch if ch.isprintable() else "?" for ch in text)[:300]


def git_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        GIT_TERMINAL_PROMPT="0",  # never ask for a user name or password
        LC_ALL="C",  # messages we can classify
        LANGUAGE="C",
        GIT_MERGE_AUTOEDIT="no",
        GIT_EDITOR="true",  # never open an editor (a rebase, a merge)
    )
    env.pop("GIT_DIR", None)  # a hook's environment must not redirect us
    env.pop("GIT_WORK_TREE", None)
    env.pop("GIT_INDEX_FILE", None)
    return env


def git(args: list[str], cwd: Path | None = None, timeout: float = LOCAL_TIMEOUT) -> GitResult:
    """Run ``git ARGS`` (an argument list, no shell) with a timeout; GitMissing if there
    is no git. A command that runs out of time is killed with everything it started (ssh)
    and gives code -1."""
    if shutil.which("git") is None:
        raise GitMissing(
            "the team needs the git command, and there is none on this machine: "
            "install git (https://git-scm.com) and try again."
        )
    try:
        proc = subprocess.Popen(
            ["git", *args],
            cwd=cwd,
            env=git_env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,  # no controlling terminal: nothing can prompt on it
        )
    except FileNotFoundError:
        raise GitMissing("the git command could not be started; install git.") from None
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(OSError):
            if hasattr(os, "killpg"):
                os.killpg(proc.pid, signal.SIGKILL)  # git and what it started (ssh)
            else:  # pragma: no cover - Windows
                proc.kill()
        out, err = proc.communicate()
        verb = next((a for a in args if not a.startswith("-") and "=" not in a), "")
        return GitResult(-1, "", f"fatal: git {verb} took longer than {timeout:g} s")
    return GitResult(
        proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")
    )


def _must(result: GitResult, what: str) -> GitResult:
    if not result.ok:
        raise TeamError(f"{what} failed: {result.line()}.")
    return result


# -- the clone --------------------------------------------------------------------------------


def team_dir(data_dir: Path) -> Path:
    return Path(data_dir) / TEAM_DIR


def is_joined(data_dir: Path) -> bool:
    return (team_dir(data_dir) / ".git").exists()


def need_clone(data_dir: Path) -> Path:
    team = team_dir(data_dir)
    if not (team / ".git").exists():
        raise TeamError(
            f"this data dir has not joined a team yet ({team} is missing): "
            "run `okr team join REPO` first."
        )
    return team


def _is_url(repo: str) -> bool:
    """A URL (``https://``, ``ssh://``, ``file://``...) or an scp-like ``host:path`` (a
    colon before the first slash, as git reads it), not a local path."""
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", repo):
        return True
    head = repo.split("/", 1)[0]
    return ":" in head and not re.fullmatch(r"[A-Za-z]:.*", repo.replace("\\", "/")[:3])


def remote_url(data_dir: Path) -> str | None:
    team = team_dir(data_dir)
    if not (team / ".git").exists():
        return None
    result = git(["config", "--get", "remote.origin.url"], cwd=team)
    return result.out.strip() if result.ok else None


def branch(team: Path) -> str:
    """The team's branch: the clone's current branch (git clone made it the remote's
    default one, even when the remote was empty)."""
    result = git(["symbolic-ref", "--quiet", "--short", "HEAD"], cwd=team)
    name = result.out.strip()
    if not result.ok or not name:
        raise TeamError(f"{team} is not on a branch; delete it and run `okr team join` again.")
    return name


def _clean_up(team: Path, own: str | None = None) -> None:
    """Finish what an interrupted command left: a rebase half done is given up, and our
    own file written but not committed is put back as committed (it is written again)."""
    git_dir = team / ".git"
    if (git_dir / "rebase-merge").exists() or (git_dir / "rebase-apply").exists():
        git(["rebase", "--abort"], cwd=team)
    if own is None:
        return
    if git(["ls-files", "--error-unmatch", "--", own], cwd=team).ok:
        git(["reset", "--quiet", "--", own], cwd=team)
        git(["checkout", "--quiet", "--", own], cwd=team)
    else:
        with contextlib.suppress(FileNotFoundError):
            (team / own).unlink()


@dataclass
class JoinResult:
    path: Path
    url: str
    leads: int
    already: bool = False


def _unreachable(repo: str, result: GitResult) -> Unreachable:
    return Unreachable(f"cannot reach the team repository {repo}: {result.line()}.")


def join(data_dir: Path, repo: str) -> JoinResult:
    """Clone ``repo`` into ``<data_dir>/team`` (a whole clone or nothing: it is cloned
    beside it and renamed). Joining the repository already joined only says so."""
    from store.storage import ensure_private_dir

    repo = repo.strip()
    if not repo:
        raise TeamError("give the team repository: a git URL or the path of one.")
    git(["--version"])  # GitMissing first, whatever else is wrong
    url = repo
    if not _is_url(repo):
        path = Path(repo).expanduser().resolve()
        if not path.exists():
            raise TeamError(f"{repo} does not exist; give a git URL or the path of a repository.")
        probe = git(["rev-parse", "--git-dir"], cwd=path) if path.is_dir() else None
        if probe is None or probe.out.strip() not in (".", ".git"):
            said = (
                ""
                if probe is None or "not a git repository" in probe.err
                else (f" (git says: {probe.line()})")
            )
            raise TeamError(
                f"{repo} is not a git repository{said}; make one with "
                f"`git init --bare {repo}` or give the URL of the team's repository."
            )
        url = str(path)
    team = team_dir(data_dir)
    if team.exists():
        current = remote_url(data_dir)
        if current is None:
            raise TeamError(f"{team} exists and is not a team clone; move it away and join again.")
        if _same_repo(current, url):
            count = len(list((team / LEADS_DIR).glob("*.json")))
            return JoinResult(team, current, count, already=True)
        raise TeamError(
            f"this data dir already joined {current}; to join {repo} instead, delete "
            f"{team} (your own data is not in it) and join again."
        )
    ensure_private_dir(Path(data_dir))
    temp = Path(data_dir).resolve() / f".team-joining-{os.getpid()}"
    shutil.rmtree(temp, ignore_errors=True)
    try:
        result = git(
            ["clone", "--quiet", "--origin", "origin", "--", url, str(temp)],
            cwd=temp.parent,
            timeout=NETWORK_TIMEOUT,
        )
        if not result.ok:
            raise _unreachable(repo, result)
        if (temp / ".git").is_dir() and not _has_branch(temp):
            raise TeamError(f"{repo} has no branch to publish on; it may not be a team repository.")
        os.replace(temp, team)
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    count = len(list((team / LEADS_DIR).glob("*.json")))
    return JoinResult(team, url, count)


def _has_branch(team: Path) -> bool:
    return git(["symbolic-ref", "--quiet", "HEAD"], cwd=team).ok


def _same_repo(a: str, b: str) -> bool:
    def norm(x: str) -> str:
        x = x.strip().rstrip("/")
        if not _is_url(x):
            with contextlib.suppress(OSError):
                x = str(Path(x).expanduser().resolve())
        return x.removesuffix(".git").rstrip("/")

    return norm(a) == norm(b)


# -- publishing --------------------------------------------------------------------------------


def published_document(store: Store) -> dict:
    """The lead's export document minus what is private: no one-on-one meetings (drafts
    are never part of an export). Follows the export's version, whatever it is."""
    document = dict(store.export())
    document.pop("meetings", None)
    document.pop("drafts", None)
    return document


@dataclass
class PublishResult:
    name: str  # the lead's name as given
    slug: str
    file: str  # leads/<slug>.json
    objectives: int
    checkins: int
    committed: bool  # a new commit was made (the file changed)
    pushed: bool  # the team repository has it now
    offline: bool = False  # committed locally only; pushed by the next publish
    waiting: int = 0  # commits not pushed yet
    sent: int = 0  # commits this publish pushed (an earlier offline one included)
    reason: str = ""  # why it was not pushed
    hook: Any = None  # the on-publish hook's store.hooks.HookProblem, None when it went well


def default_name(store: Store, data_dir: Path) -> str:
    """The name a lead publishes as: the last one published with (team-settings.json),
    else the owner most of the objectives give, else the user's login name."""
    saved = load_settings(data_dir).get("name")
    if isinstance(saved, str) and saved.strip():
        return saved
    owners = Counter(
        o.owner.strip() for o in store.objectives() if o.owner and o.owner.strip()
    ).most_common(1)
    if owners:
        return owners[0][0]
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        raise TeamError("no name to publish as: give one with --as NAME.") from None


def publish(data_dir: Path, store: Store, name: str | None = None) -> PublishResult:
    """Fetch + rebase, write the lead's file into the clone, commit, push (a rejected
    push is rebased and retried once). Offline: the commit stays local (``offline``) and
    the next publish pushes it. TeamError for anything else; the store is only read."""
    team = need_clone(data_dir)
    given = check_name(name if name is not None else default_name(store, data_dir))
    name_slug = slug(given)
    path = lead_path(team, name_slug)
    rel = f"{LEADS_DIR}/{name_slug}.json"
    _clean_up(team, rel)
    team_branch = branch(team)

    ident = _identity(given, name_slug)
    offline: Unreachable | None = None
    try:
        _sync(team, team_branch, ident)  # the team's latest first: is the name free?
    except Unreachable as e:
        offline = e  # still committed locally below; the next publish pushes it
    _check_owner(path, store, data_dir, name_slug)
    document = published_document(store)
    from store.storage import dumps, write_file_atomic

    path.parent.mkdir(exist_ok=True)
    write_file_atomic(path, dumps(document))
    _must(git(["add", "--", rel], cwd=team), "git add")
    staged = git(["diff", "--cached", "--quiet", "--", rel], cwd=team)
    committed = staged.code == 1
    if committed:
        from store import weeks

        message = f"Publish {rel} ({weeks.today().isoformat()})"
        commit = [*ident, "commit", "--quiet", "--no-verify", "-m", message]
        _must(git([*commit, "--", rel], cwd=team), "git commit")
    save_settings(data_dir, name=given)  # the next publish (and auto publish) uses it
    result = PublishResult(
        name=given,
        slug=name_slug,
        file=rel,
        objectives=len(document.get("objectives", [])),
        checkins=len(document.get("checkins", [])),
        committed=committed,
        pushed=False,
    )
    try:
        if offline is not None:
            raise offline
        result.waiting = _ahead(team, team_branch)
        if result.waiting:
            _push(team, team_branch, ident)
        result.pushed = True
        result.sent, result.waiting = result.waiting, 0
    except Unreachable as e:
        result.offline = True
        result.reason = str(e)
        result.waiting = _ahead(team, team_branch)
        return result
    from store import hooks

    result.hook = hooks.run_hook(data_dir, "on-publish", document)
    return result


def _check_owner(path: Path, store: Store, data_dir: Path, name_slug: str) -> None:
    """TeamError when ``leads/<slug>.json`` is someone else's: two leads with one name
    (王伟 is a common one) must not replace each other's file week after week. It is
    someone else's when this data dir has not published under that name before and
    none of its objectives is one of ours."""
    if not path.exists():
        return
    saved = load_settings(data_dir).get("name")
    with contextlib.suppress(TeamError):
        if isinstance(saved, str) and slug(saved) == name_slug:
            return
    theirs = read_lead(path)
    if isinstance(theirs, Skipped):
        return  # unreadable: nothing of anyone's to keep
    ids = {o.id for o in theirs.objectives(include_archived=True)}
    ours = {o.id for o in store.objectives(include_archived=True)}
    if ids and not ids & ours:
        raise TeamError(
            f"leads/{name_slug}.json is someone else's (none of its objectives is yours): "
            "publish under another name with --as NAME."
        )


def _identity(name: str, name_slug: str) -> list[str]:
    """Commit as the lead, whatever git is configured with (or when it has no user)."""
    email = f"{name_slug}@okr-checkin.invalid"
    return ["-c", f"user.name={name}", "-c", f"user.email={email}", "-c", "commit.gpgsign=false"]


def _remote_has(team: Path, team_branch: str) -> bool:
    ref = f"refs/remotes/origin/{team_branch}"
    return git(["rev-parse", "--verify", "--quiet", ref], cwd=team).ok


def _has_head(team: Path) -> bool:
    return git(["rev-parse", "--verify", "--quiet", "HEAD"], cwd=team).ok


def _ahead(team: Path, team_branch: str) -> int:
    """Commits of ours the team repository does not have (as of the last fetch)."""
    if not _has_head(team):
        return 0
    spec = f"origin/{team_branch}..HEAD" if _remote_has(team, team_branch) else "HEAD"
    result = git(["rev-list", "--count", spec], cwd=team)
    return int(result.out.strip() or 0) if result.ok else 0


def _fetch(team: Path) -> None:
    result = git(["fetch", "--quiet", "--prune", "origin"], cwd=team, timeout=NETWORK_TIMEOUT)
    if not result.ok:
        url = git(["config", "--get", "remote.origin.url"], cwd=team).out.strip() or "origin"
        raise _unreachable(url, result)


def _sync(team: Path, team_branch: str, ident: list[str]) -> None:
    """``git pull --rebase``: fetch, then put our commits on top of the team's (a rebase
    commits: as ``ident``)."""
    _fetch(team)
    if not _remote_has(team, team_branch):
        return  # an empty team repository: nothing to rebase onto
    upstream = f"origin/{team_branch}"
    if not _has_head(team):
        _must(git(["merge", "--quiet", "--ff-only", upstream], cwd=team), "git merge")
        return
    result = git([*ident, "rebase", "--quiet", upstream], cwd=team)
    if not result.ok:
        git(["rebase", "--abort"], cwd=team)
        same_name = " (is someone else publishing under the same name? use --as NAME)"
        raise TeamError(
            "your commits could not be put on top of the team's changes: "
            f"{result.line()}{same_name if 'conflict' in result.out.lower() else ''}."
        )


def _push(team: Path, team_branch: str, ident: list[str]) -> None:
    """Push; when the push is rejected (someone pushed meanwhile), rebase and push once more."""
    for attempt in (1, 2):
        result = git(
            ["push", "--quiet", "origin", f"HEAD:refs/heads/{team_branch}"],
            cwd=team,
            timeout=NETWORK_TIMEOUT,
        )
        if result.ok:
            return
        text = result.err
        if "rejected" not in text and "failed to update ref" not in text:
            url = git(["config", "--get", "remote.origin.url"], cwd=team).out.strip()
            raise _unreachable(url or "origin", result)
        if attempt == 2:
            raise TeamError(
                "the team repository refused the push twice (others are publishing at "
                f"this moment, or it does not accept pushes: {result.line()}); your file "
                "is committed in the team clone and the next `okr team publish` pushes it."
            )
        _sync(team, team_branch, ident)


# -- pulling -----------------------------------------------------------------------------------


@dataclass
class PullResult:
    leads: int  # lead files in the clone now
    changed: list[str]  # leads/ files changed by this pull


def pull(data_dir: Path) -> PullResult:
    """Fetch the others' files (our own commits not pushed yet stay on top)."""
    team = need_clone(data_dir)
    _clean_up(team)
    team_branch = branch(team)
    before = _head(team)
    saved = load_settings(data_dir).get("name")
    try:
        ident = _identity(saved, slug(saved)) if isinstance(saved, str) else None
    except TeamError:
        ident = None
    _sync(team, team_branch, ident or _identity("okr-checkin", "okr-checkin"))
    after = _head(team)
    changed: list[str] = []
    if after and after != before:
        spec = [after] if before is None else [before, after]
        if before is None:
            names = git(["ls-tree", "-r", "-z", "--name-only", after, "--", LEADS_DIR], cwd=team)
        else:
            names = git(["diff", "-z", "--name-only", *spec, "--", LEADS_DIR], cwd=team)
        changed = [x for x in names.out.split("\0") if x.endswith(".json")]
    count = len(list((team / LEADS_DIR).glob("*.json")))
    return PullResult(count, changed)


def _head(team: Path) -> str | None:
    result = git(["rev-parse", "--verify", "--quiet", "HEAD"], cwd=team)
    return result.out.strip() if result.ok else None


# -- settings (auto publish) ---------------------------------------------------------------------


def settings_path(data_dir: Path) -> Path:
    return Path(data_dir) / SETTINGS_FILE


def load_settings(data_dir: Path) -> dict:
    """team-settings.json: ``{"auto": bool, "name": str}``; {} when missing or unreadable."""
    import json

    try:
        data = json.loads(settings_path(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_settings(data_dir: Path, **changes: Any) -> dict:
    """Change settings and write the file atomically, 0600."""
    import json

    from store.storage import ensure_private_dir, write_file_atomic

    data = load_settings(data_dir)
    data.update(changes)
    ensure_private_dir(Path(data_dir))
    write_file_atomic(settings_path(data_dir), json.dumps(data, ensure_ascii=False, indent=2))
    return data


def auto_publish(data_dir: Path) -> bool:
    return load_settings(data_dir).get("auto") is True


def set_auto_publish(data_dir: Path, on: bool) -> None:
    save_settings(data_dir, auto=bool(on))


@dataclass
class AutoPublished:
    """What publishing after a saved check-in did (``okr team publish --auto on``):
    ``outcome`` is published | offline (committed, pushed by the next publish) |
    not_joined | failed (``error`` says why); ``file`` is leads/<name>.json."""

    outcome: str
    file: str = ""
    error: str = ""


def publish_after_save(data_dir: Path, store: Store | None = None) -> AutoPublished | None:
    """After a check-in was saved: publish when ``okr team publish --auto on`` was set.

    None when auto publishing is off; else what happened (the caller says it in the
    user's language: tui.terminal.publish_sentence). Never raises: a save is never
    blocked nor undone by publishing. It runs git (up to the network timeout): the app
    calls it from a worker thread."""
    try:
        if not auto_publish(data_dir):
            return None
        if not is_joined(data_dir):
            return AutoPublished("not_joined")
        if store is None:
            from store.repo import Store

            store = Store(data_dir)
        result = publish(data_dir, store)
    except Exception as e:  # noqa: BLE001 - one line, never a traceback after a save
        return AutoPublished("failed", error=str(e))
    return AutoPublished("offline" if result.offline else "published", file=result.file)


# -- reading the leads ---------------------------------------------------------------------------


@dataclass
class Skipped:
    """A lead's file left out of the roll-up, and why (``reason``: damaged | newer |
    foreign | invalid | unreadable | not_file | too_big)."""

    file: str  # leads/<name>.json
    reason: str
    detail: str = ""  # the version, or the offending field (printable)


class LeadDocument:
    """A lead's validated document, read-only, with the reading methods of
    :class:`store.repo.Store` that the rollups use (objectives, objective, checkins,
    meetings): tui.report.summary_rollups runs on it as on the lead's own store, so every
    figure is the one the lead's own ``okr summary`` gives. It has no meetings: they are
    never published.

    Built from validated dicts; an objective's check-ins are made into models when first
    asked for (a roll-up of a month asks for the objectives of that month only, not for
    years of earlier periods)."""

    def __init__(self, name: str, file: str, objectives: list[dict], checkins: list[dict]):
        from store.model import Objective

        self.name = name
        self.file = file
        self._objectives = [Objective.from_valid(d) for d in objectives]
        self._docs: dict[str, list[dict]] = {}
        for d in checkins:
            self._docs.setdefault(d["objective"], []).append(d)
        for docs in self._docs.values():
            docs.sort(key=lambda d: d["week"])
        self._built: dict[str, list[CheckIn]] = {}

    def objectives(self, include_archived: bool = False) -> list[Objective]:
        return [o for o in self._objectives if include_archived or not o.archived]

    def objective(self, objective_id: str) -> Objective | None:
        return next((o for o in self._objectives if o.id == objective_id), None)

    def checkins(self, objective_id: str | None = None) -> list[CheckIn]:
        """Saved check-ins, oldest week first (as Store.checkins)."""
        if objective_id is not None:
            return list(self._of(objective_id))
        out = [c for oid in self._docs for c in self._of(oid)]
        out.sort(key=lambda c: (c.week, c.objective))
        return out

    def _of(self, objective_id: str) -> list[CheckIn]:
        built = self._built.get(objective_id)
        if built is None:
            from store.model import CheckIn

            built = [CheckIn.from_valid(d) for d in self._docs.get(objective_id, ())]
            self._built[objective_id] = built
        return built

    def meetings(self) -> list[Meeting]:
        return []

    def last_checkin(self, objective_id: str | None = None, until: str = "9999") -> str | None:
        """The date of the newest check-in (of one objective, or of any) dated on or
        before ``until`` (YYYY-MM-DD)."""
        if objective_id is None:
            docs = [d for ds in self._docs.values() for d in ds]
        else:
            docs = self._docs.get(objective_id, [])
        return max((d["date"] for d in docs if d["date"] <= until), default=None)


def lead_files(data_dir: Path) -> list[Path]:
    """``team/leads/*.json``, by name."""
    folder = team_dir(data_dir) / LEADS_DIR
    if folder.is_symlink():  # it could point anywhere on this machine
        return []
    try:
        return sorted(p for p in folder.iterdir() if p.name.endswith(".json"))
    except (FileNotFoundError, NotADirectoryError):
        return []


# The cache of validated lead files: team/.git/okr-checkin-cache/<file>.cache, one per lead
# file (so a roll-up holds one lead in memory at a time). Like the store's parse cache
# (store.storage): the data of the file as a full read validated it, in marshal format,
# keyed by the cache format, the validating code (store.repo._rules_key and this file),
# the file's inode, size, mtime_ns, ctime_ns and a CRC-32 of its bytes. Only an exact
# match is used; anything else is a full read, which rewrites it. It lives inside the
# clone's .git: never committed, gone with the clone, always safe to delete.
CACHE_DIR = "okr-checkin-cache"
CACHE_FORMAT = ("okr-team-cache", 1, marshal.version, *sys.version_info[:2])
_CODE: list[str] = []


def _code_key() -> str:
    if not _CODE:
        from store.repo import _rules_key

        try:
            own = zlib.crc32(Path(__file__).read_bytes())
        except OSError:
            own = 0
        _CODE.append(f"{_rules_key()} team {own:08x}")
    return _CODE[0]


def _cache_file(path: Path) -> Path:
    return path.parent.parent / ".git" / CACHE_DIR / (path.name + ".cache")


def _cached(cache: Path, key: tuple) -> tuple | None:
    try:
        stored = marshal.loads(cache.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key:
        return stored[1]
    return None


def _keep(cache: Path, key: tuple, payload: tuple) -> None:
    from store.storage import write_file_atomic

    with contextlib.suppress(OSError, ValueError):
        cache.parent.mkdir(mode=0o700, exist_ok=True)
        write_file_atomic(cache, marshal.dumps((key, payload)), durable=False)


def read_lead(path: Path) -> LeadDocument | Skipped:
    """A lead's file, validated completely (or as its exact bytes were validated before:
    the cache above); a Skipped saying why it cannot be used."""
    import stat

    rel = f"{LEADS_DIR}/{path.name}"
    try:
        st = os.lstat(path)
        if not stat.S_ISREG(st.st_mode):  # a symlink could point anywhere on this machine
            return Skipped(rel, "not_file")
        if st.st_size > MAX_LEAD_FILE:
            return Skipped(rel, "too_big")
        raw = path.read_bytes()
    except OSError as e:
        return Skipped(rel, "unreadable", e.strerror or "")
    key = (
        CACHE_FORMAT,
        _code_key(),
        st.st_ino,
        st.st_size,
        st.st_mtime_ns,
        st.st_ctime_ns,
        zlib.crc32(raw),
    )
    cache = _cache_file(path)
    payload = _cached(cache, key)
    if payload is None:
        payload = _validate(raw)
        _keep(cache, key, payload)
    if payload[0] == "skip":
        return Skipped(rel, payload[1], payload[2])
    return LeadDocument(path.name.removesuffix(".json"), rel, payload[1], payload[2])


def _validate(raw: bytes) -> tuple:
    """("ok", objective dicts, check-in dicts) of a valid lead's file, else ("skip",
    reason, detail). The meetings a file may hold are dropped unread."""
    from store.model import InvalidData
    from store.repo import FORMAT_NAME, FORMAT_VERSION, parse_document
    from store.storage import loads

    try:
        data = loads(raw)
    except (UnicodeDecodeError, ValueError):
        return ("skip", "damaged", "")  # the parser's message may quote the file: not shown
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        return ("skip", "foreign", "")
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        return ("skip", "newer", str(version))
    data.pop("meetings", None)  # never shown, whatever a file holds
    try:
        objectives, checkins, _ = parse_document(data)
    except InvalidData as e:
        detail = "".join(ch if ch.isprintable() else "?" for ch in str(e))[:200]
        return ("skip", "invalid", detail)
    except RecursionError:
        return ("skip", "damaged", "")
    # Repeated texts (ids, statuses, units) one object each: the cache loads in half the
    # time (marshal writes a repeat as a reference).
    shared = _share_repeats(
        {"o": [o.to_dict() for o in objectives], "c": [c.to_dict() for c in checkins]}
    )
    return ("ok", shared["o"], shared["c"])


def _share_repeats(data: dict) -> dict:
    """The same data, each repeated short text (a status, an id, a unit) and float one
    object, so that marshal writes a repeat as a reference."""
    memo: dict = {}

    def share(value):
        kind = type(value)
        if kind is dict:
            return {k: share(v) for k, v in value.items()}
        if kind is list:
            return [share(v) for v in value]
        if kind is str and len(value) <= 64 or kind is float:
            return memo.setdefault((kind, value), value)
        return value

    return share(data)


def iter_leads(data_dir: Path) -> Iterator[LeadDocument | Skipped]:
    """Every lead's file of the clone, one at a time (a team's files need not all be in
    memory at once): a LeadDocument, or a Skipped saying why it is left out."""
    for path in lead_files(data_dir):
        yield read_lead(path)


def read_leads(data_dir: Path) -> tuple[list[LeadDocument], list[Skipped]]:
    """Every lead's file of the clone: the usable ones, and the ones left out (and why)."""
    leads: list[LeadDocument] = []
    skipped: list[Skipped] = []
    for got in iter_leads(data_dir):
        (leads if isinstance(got, LeadDocument) else skipped).append(got)
    return leads, skipped


# -- quarters ----------------------------------------------------------------------------------


def parse_quarter(text: str) -> tuple[int, int]:
    """(year, quarter) of ``2026-Q4``; ValueError otherwise."""
    m = re.match(r"^(\d{4})-[Qq]([1-4])$", text.strip()) if isinstance(text, str) else None
    if not m:
        raise ValueError(f"not a quarter like 2026-Q4: {text!r}")
    return int(m.group(1)), int(m.group(2))


def quarter_months(text: str) -> list[str]:
    year, quarter = parse_quarter(text)
    first = 3 * (quarter - 1) + 1
    return [f"{year:04d}-{m:02d}" for m in range(first, first + 3)]
