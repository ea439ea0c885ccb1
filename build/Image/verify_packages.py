# Runs inside the image (/opt/venv/bin/python, no network) for Verify: reports, for each pinned requirement,
# the installed version, whether each requested extra's requirements are installed and satisfied, and
# whether each top-level module of the distribution imports. Prints one JSON document on stdout.
import importlib
import importlib.metadata as metadata
import json
import re
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


def main():
    wanted = json.loads(sys.argv[-1])
    modules_of = {}
    for module, names in metadata.packages_distributions().items():
        for name in names:
            modules_of.setdefault(normalize(name), set()).add(module)
    report = {"python": "%d.%d.%d" % sys.version_info[:3], "prefix": sys.prefix, "requirements": [],
              "distributions": {normalize(d.metadata["Name"]): d.version for d in metadata.distributions()}}
    for item in wanted:
        name = normalize(item["name"])
        entry = {"name": name, "pinned": item["version"], "installed": None, "matches": False, "extras": [], "imports": {}}
        report["requirements"].append(entry)
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
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
    print(json.dumps(report))


main()
