"""Resolve RPM dependencies with python3-dnf for bootc-image-builder.

Used when osbuild's osbuild-depsolve-dnf is not installed. It speaks the same
JSON protocol (API version 2, "depsolve" command only): a request on stdin, the
result on stdout. Repositories, GPG keys and dnf variables are read from the
request's root_dir (a mounted container). On failure it prints
{"kind": ..., "reason": ...} on stdout and exits 1.

Every path read from root_dir (the repository directory, GPG key files, TLS files)
is resolved inside it as the image would see it: links are followed within
root_dir (an absolute target starts again at root_dir, ".." stops at it), and
only regular files of bounded size are opened, never a FIFO or a device.
"""

import datetime
import json
import os
import stat
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request

import dnf
import hawkey


class SolverError(Exception):
    def __init__(self, kind, reason):
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


def parse_request(request):
    if not isinstance(request, dict):
        raise SolverError("InvalidRequest", "the request must be a JSON object")
    if request.get("api_version") != 2:
        raise SolverError("InvalidRequest", f"Invalid API version: {request.get('api_version')!r} (only 2 is supported)")
    if request.get("command") != "depsolve":
        raise SolverError("InvalidRequest", f"Invalid command '{request.get('command')}': only depsolve is supported")
    for field in ("arch", "cachedir", "arguments"):
        if not request.get(field):
            raise SolverError("InvalidRequest", f"Field '{field}' is required")
    arguments = request["arguments"]
    if arguments.get("repos"):
        raise SolverError("InvalidRequest", "repositories are read from 'root_dir' only; 'repos' must be empty")
    if not arguments.get("root_dir"):
        raise SolverError("InvalidRequest", "No 'repos' or 'root_dir' specified")
    transactions = arguments.get("transactions") or []
    if not transactions:
        raise SolverError("InvalidRequest", "Depsolve command must contain at least one transaction")
    for transaction in transactions:
        if not transaction.get("package-specs"):
            raise SolverError("InvalidRequest",
                              "Invalid depsolve transaction: Depsolve transaction must contain at least one package specification")
        if transaction.get("repo-ids"):
            raise SolverError("InvalidRequest", "'repo-ids' is not supported; all repositories of root_dir are used")
    return request


MAX_LINKS = 40
MAX_FILE_BYTES = 1024 * 1024
# A remote GPG key that does not answer in this time fails the depsolve instead of hanging it.
REMOTE_KEY_TIMEOUT_SECONDS = 30


def resolve_in_root(root_dir, path):
    """The host path of `path` inside root_dir, every link resolved within root_dir."""
    pending = [c for c in path.split("/") if c not in ("", ".")]
    pending.reverse()
    resolved = []
    links = 0
    while pending:
        component = pending.pop()
        if component == "..":
            if resolved:
                resolved.pop()
            continue
        candidate = os.path.join(root_dir, *resolved, component)
        try:
            mode = os.lstat(candidate).st_mode
        except FileNotFoundError:
            return os.path.join(root_dir, *resolved, component, *reversed(pending))
        except NotADirectoryError:
            return os.path.join(root_dir, *resolved, component, *reversed(pending))
        if not stat.S_ISLNK(mode):
            resolved.append(component)
            continue
        links += 1
        if links > MAX_LINKS:
            raise OSError(f"more than {MAX_LINKS} symbolic links")
        target = os.readlink(candidate)
        if target.startswith("/"):
            resolved = []
        pending.extend(reversed([c for c in target.split("/") if c not in ("", ".")]))
    return os.path.join(root_dir, *resolved)


def under_root(path, root_dir):
    return resolve_in_root(root_dir, path) if path else path


def regular_file(path):
    """`path` when it is a regular file (links are already resolved); raises OSError otherwise."""
    mode = os.lstat(path).st_mode
    if not stat.S_ISREG(mode):
        raise OSError(f"{path} is not a regular file")
    return path


def read_regular_file(path):
    """The text of a regular file of at most MAX_FILE_BYTES; never blocks on a FIFO or reads a device."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(f"{path} is not a regular file")
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise OSError(f"{path} is larger than {MAX_FILE_BYTES} bytes")
    return data.decode("utf-8")


def make_base(request, persistdir):
    root_dir = request["arguments"]["root_dir"]
    base = dnf.Base()
    conf = base.conf
    conf.config_file_path = "/dev/null"
    conf.persistdir = persistdir
    conf.cachedir = request["cachedir"]
    # Metadata of one distribution is cached per architecture; zchunk deltas between them only slow things down.
    conf.zchunk = False
    if request.get("module_platform_id"):
        conf.module_platform_id = request["module_platform_id"]
    conf.substitutions["arch"] = request["arch"]
    conf.substitutions["basearch"] = dnf.rpm.basearch(request["arch"])
    if request.get("releasever"):
        conf.substitutions["releasever"] = request["releasever"]
    conf.substitutions.update_from_etc(root_dir)
    optional_metadata = request["arguments"].get("optional-metadata")
    if optional_metadata and hasattr(conf, "optional_metadata_types"):
        conf.optional_metadata_types.extend(optional_metadata)
    if request.get("proxy"):
        conf.proxy = request["proxy"]
    try:
        conf.reposdir = under_root("etc/yum.repos.d", root_dir)
        base.read_all_repos()
        for repo in base.repos.values():
            # Key and certificate paths in the repo files are paths inside the container.
            for option in ("sslcacert", "sslclientcert", "sslclientkey"):
                path = under_root(getattr(repo, option), root_dir)
                if path and os.path.lexists(path):
                    regular_file(path)
                setattr(repo, option, path)
        base.update_cache()
        base.fill_sack(load_system_repo=False)
    except Exception as e:  # dnf raises several unrelated types here
        raise SolverError("RepoError", f"There was a problem reading a repository: {e}") from e
    if not any(True for _ in base.repos.iter_enabled()):
        raise SolverError("NoReposError", "There was a problem finding repositories: There are no enabled repositories")
    return base


def resolve(base, transactions):
    """Resolves each transaction on top of the previous one; returns the cumulative package lists."""
    installed = []
    results = []
    for transaction in transactions:
        base.reset(goal=True)
        base.sack.reset_excludes()
        base.conf.install_weak_deps = bool(transaction.get("install_weak_deps", False))
        try:
            for package in installed:
                base.package_install(package, strict=True)
            base.install_specs(transaction["package-specs"], transaction.get("exclude-specs") or [])
        except dnf.exceptions.Error as e:
            raise SolverError("MarkingErrors", f"Error occurred when marking packages for installation: {e}") from e
        try:
            base.resolve()
        except dnf.exceptions.Error as e:
            specs = [spec for t in transactions for spec in t["package-specs"]]
            raise SolverError("DepsolveError", f"There was a problem depsolving {', '.join(specs)}: {e}") from e
        installed = [item.pkg for item in base.transaction if item.action in dnf.transaction.FORWARD_ACTIONS]
        results.append(list(installed))
    return results


def full_nevra(pkg):
    return f"{pkg.name}-{pkg.epoch}:{pkg.version}-{pkg.release}.{pkg.arch}"


def checksum(value):
    if not value or hawkey.chksum_name(value[0]) == "UNKNOWN":
        return None
    return {"algorithm": hawkey.chksum_name(value[0]), "value": value[1].hex()}


def dependencies(reldeps):
    result = []
    for reldep in reldeps:
        parts = str(reldep).split(" ", 2)
        dep = {"name": parts[0]}
        if len(parts) == 3:
            dep["relation"] = parts[1]
            dep["version"] = parts[2]
        result.append(dep)
    return sorted(result, key=lambda d: (d["name"], d.get("relation", ""), d.get("version", "")))


def package_json(pkg):
    remote = pkg.remote_location()
    build_time = None
    if pkg.buildtime:
        build_time = datetime.datetime.fromtimestamp(pkg.buildtime, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "name": pkg.name,
        "epoch": int(pkg.epoch),
        "version": pkg.version,
        "release": pkg.release,
        "arch": pkg.arch,
        "repo_id": pkg.repoid or "",
        "location": pkg.location or "",
        "remote_locations": [remote] if remote else [],
        "checksum": checksum(pkg.chksum),
        "header_checksum": checksum(pkg.hdr_chksum),
        "license": pkg.license or "",
        "summary": pkg.summary or "",
        "description": pkg.description or "",
        "url": pkg.url or "",
        "vendor": pkg.vendor or "",
        "packager": pkg.packager or "",
        "build_time": build_time,
        "download_size": pkg.downloadsize or 0,
        "install_size": pkg.installsize or 0,
        "group": pkg.group or "",
        "source_rpm": pkg.sourcerpm or "",
        "reason": pkg.reason or "",
        "provides": dependencies(pkg.provides),
        "requires": dependencies(pkg.requires),
        "requires_pre": dependencies(pkg.requires_pre),
        "conflicts": dependencies(pkg.conflicts),
        "obsoletes": dependencies(pkg.obsoletes),
        "regular_requires": dependencies(pkg.regular_requires),
        "recommends": dependencies(pkg.recommends),
        "suggests": dependencies(pkg.suggests),
        "enhances": dependencies(pkg.enhances),
        "supplements": dependencies(pkg.supplements),
        "files": list(pkg.files),
    }


def read_gpg_keys(urls, root_dir):
    keys = []
    for url in urls:
        scheme = urllib.parse.urlparse(url).scheme
        if scheme == "file":
            path = urllib.parse.urlparse(url).path
            try:
                keys.append(read_regular_file(under_root(path, root_dir)))
            except (OSError, UnicodeDecodeError) as e:
                shown = os.path.join(root_dir, path.lstrip("/"))
                raise SolverError("GPGKeyReadError", f"error loading gpg key from {shown}: {e}") from e
        elif scheme in ("http", "https"):
            try:
                with urllib.request.urlopen(url, timeout=REMOTE_KEY_TIMEOUT_SECONDS) as response:
                    data = response.read(MAX_FILE_BYTES + 1)
                if len(data) > MAX_FILE_BYTES:
                    raise OSError(f"the key is larger than {MAX_FILE_BYTES} bytes")
                keys.append(data.decode())
            except (OSError, UnicodeDecodeError) as e:
                reason = f"no answer within {REMOTE_KEY_TIMEOUT_SECONDS} s" if isinstance(e, TimeoutError) or "timed out" in str(e) else e
                raise SolverError("GPGKeyReadError", f"error reading remote gpg key at {url}: {reason}") from e
        else:
            raise SolverError("GPGKeyReadError", f"unknown url scheme for gpg key: {scheme} ({url})")
    return keys


def repository_json(repo, root_dir):
    return {
        "id": repo.id,
        "name": repo.name,
        "baseurl": list(repo.baseurl),
        "metalink": repo.metalink or None,
        "mirrorlist": repo.mirrorlist or None,
        "gpgcheck": repo.gpgcheck,
        "repo_gpgcheck": repo.repo_gpgcheck,
        "gpgkey": read_gpg_keys(repo.gpgkey, root_dir),
        "sslverify": bool(repo.sslverify),
        "metadata_expire": f"{repo.metadata_expire}s" if repo.metadata_expire else None,
        "module_hotfixes": repo.module_hotfixes,
        "rhsm": False,
        "sslcacert": repo.sslcacert,
        "sslclientkey": repo.sslclientkey,
        "sslclientcert": repo.sslclientcert,
    }


def depsolve(request):
    request = parse_request(request)
    root_dir = request["arguments"]["root_dir"]
    with tempfile.TemporaryDirectory() as persistdir:
        base = make_base(request, persistdir)
        cumulative = resolve(base, request["arguments"]["transactions"])
        # Each transaction lists only what it adds to the ones before it, as osbuild-depsolve-dnf does.
        seen = set()
        transactions = []
        repos = {}
        for packages in cumulative:
            added = sorted((p for p in packages if full_nevra(p) not in seen), key=full_nevra)
            seen.update(full_nevra(p) for p in added)
            transactions.append([package_json(p) for p in added])
            for p in added:
                repos.setdefault(p.repo.id, p.repo)
        return {
            "solver": "dnf",
            "transactions": transactions,
            "repos": {repo_id: repository_json(repos[repo_id], root_dir) for repo_id in sorted(repos)},
            "modules": {},
        }


def main():
    try:
        try:
            request = json.load(sys.stdin)
        except ValueError as e:
            raise SolverError("InvalidRequest", f"cannot parse the request: {e}") from e
        result = depsolve(request)
    except SolverError as e:
        print(f"{e.kind}: {e.reason}", file=sys.stderr)
        print(json.dumps({"kind": e.kind, "reason": e.reason}))
        sys.exit(1)
    except Exception as e:  # pylint: disable=broad-exception-caught
        print(f"{type(e).__name__}: {e}", file=sys.stderr)
        print(json.dumps({"kind": type(e).__name__, "reason": str(e)}))
        sys.exit(1)
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
