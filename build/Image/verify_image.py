# Runs inside the image for Verify (/opt/venv/bin/python, no network), in one throwaway container: starting a
# container costs more than everything checked in it. Reads one JSON argument: the pinned requirements and
# named commands to run. Prints one JSON document: for each requirement the installed version, whether each
# requested extra's requirements are installed and satisfied, and whether each top-level module imports; the
# installed distributions; and each command's exit code and output. Judging is the build's job, not this one's.
import importlib
import importlib.metadata as metadata
import json
import re
import subprocess
import sys

from pip._vendor.packaging.requirements import Requirement
from pip._vendor.packaging.version import Version


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def installed_version(name):
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def extra_requirements(distribution, extra):
    result = []
    for line in distribution.requires or []:
        requirement = Requirement(line)
        marker = requirement.marker
        if marker is None or not marker.evaluate({"extra": extra}) or marker.evaluate({"extra": ""}):
            continue
        version = installed_version(requirement.name)
        result.append({
            "requirement": str(requirement.name) + str(requirement.specifier),
            "name": normalize(requirement.name),
            "installed": version,
            "satisfied": version is not None and requirement.specifier.contains(version, prereleases=True),
        })
    return result


def check_requirement(item, modules_of):
    name = normalize(item["name"])
    entry = {"name": name, "pinned": item["version"], "installed": None, "matches": False, "extras": [], "imports": {}}
    try:
        distribution = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return entry
    entry["installed"] = distribution.version
    entry["matches"] = Version(distribution.version) == Version(item["version"])
    declared = {normalize(e) for e in (distribution.metadata.get_all("Provides-Extra") or [])}
    for extra in item["extras"]:
        entry["extras"].append({"extra": extra, "declared": normalize(extra) in declared,
                                "requires": extra_requirements(distribution, extra)})
    for module in sorted(modules_of.get(name, ())):
        try:
            importlib.import_module(module)
            entry["imports"][module] = None
        except BaseException as error:  # an import may raise anything, SystemExit included
            entry["imports"][module] = "%s: %s" % (type(error).__name__, error)
    return entry


def run(command):
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        return {"exitCode": done.returncode, "output": done.stdout, "error": done.stderr}
    except FileNotFoundError as error:
        return {"exitCode": 127, "output": "", "error": str(error)}
    except subprocess.TimeoutExpired:
        return {"exitCode": 124, "output": "", "error": "did not finish within 120 s"}


def main():
    request = json.loads(sys.argv[-1])
    modules_of = {}
    for module, names in metadata.packages_distributions().items():
        for name in names:
            modules_of.setdefault(normalize(name), set()).add(module)
    report = {
        "python": "%d.%d.%d" % sys.version_info[:3],
        "prefix": sys.prefix,
        "requirements": [check_requirement(item, modules_of) for item in request["requirements"]],
        "distributions": {normalize(d.metadata["Name"]): d.version for d in metadata.distributions()},
        "commands": {name: run(command) for name, command in request["commands"].items()},
    }
    print(json.dumps(report))


main()
