#!/usr/bin/env python3
"""Local stand-ins for the image benchmark: a PEP 503 index of minimal wheels and a PostgREST tarball.

The machines this project runs on reach no PyPI and no GitHub, so the benchmark serves these on 127.0.0.1,
as the tests do (tests/Build.Tests/Support/). Usage: image-fixtures.py DIRECTORY PORT
Writes DIRECTORY/simple/..., DIRECTORY/files/*.whl, DIRECTORY/postgrest.tar.gz and DIRECTORY/postgrest.sha256,
then serves DIRECTORY on 127.0.0.1:PORT until killed.
"""
import base64, functools, hashlib, http.server, io, os, re, sys, tarfile, zipfile

# name, version, module, Requires-Dist lines, Provides-Extra
STANDARD = '; extra == "standard"'
PACKAGES = [
    ("fastapi", "0.115.0", "fastapi", ["starlette>=0.37.2,<0.39.0", "pydantic>=1.7.4,<3.0.0"], []),
    ("starlette", "0.38.6", "starlette", ["anyio>=3.4.0,<5"], []),
    ("uvicorn", "0.32.0", "uvicorn", ["click>=7.0", "h11>=0.8",
        "httptools>=0.5.0" + STANDARD, "python-dotenv>=0.13" + STANDARD, "pyyaml>=5.1" + STANDARD,
        "uvloop>=0.14.0,!=0.15.0,!=0.15.1; (sys_platform != \"win32\" and (sys_platform != \"cygwin\" and platform_python_implementation != \"PyPy\")) and extra == \"standard\"",
        "watchfiles>=0.13" + STANDARD, "websockets>=10.4" + STANDARD], ["standard"]),
    ("click", "8.1.7", "click", [], []),
    ("h11", "0.14.0", "h11", [], []),
    ("websockets", "13.1", "websockets", [], []),
    ("asyncpg", "0.30.0", "asyncpg", [], []),
    ("pydantic", "2.10.0", "pydantic", ["annotated-types>=0.6.0", "pydantic-core==2.27.0", "typing-extensions>=4.12.2"], []),
    ("pydantic_core", "2.27.0", "pydantic_core", ["typing-extensions>=4.6.0,!=4.7.0"], []),
    ("annotated-types", "0.7.0", "annotated_types", [], []),
    ("typing_extensions", "4.12.2", "typing_extensions", [], []),
    ("python-dotenv", "1.0.1", "dotenv", [], []),
    ("python-dotenv", "1.0.0", "dotenv", [], []),
    ("httptools", "0.6.4", "httptools", [], []),
    ("PyYAML", "6.0.2", "yaml", [], []),
    ("uvloop", "0.21.0", "uvloop", [], []),
    ("watchfiles", "0.24.0", "watchfiles", ["anyio>=3.0.0"], []),
    ("anyio", "4.6.2.post1", "anyio", ["idna>=2.8", "sniffio>=1.1"], []),
    ("idna", "3.10", "idna", [], []),
    ("sniffio", "1.3.1", "sniffio", [], []),
]


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def wheel(name, version, module, requires, extras):
    stem = f"{re.sub(r'[-_.]+', '_', name)}-{version}"
    files = {
        f"{module}/__init__.py": f'__version__ = "{version}"\n',
        f"{stem}.dist-info/METADATA": "Metadata-Version: 2.1\n" f"Name: {name}\nVersion: {version}\n"
            + "".join(f"Requires-Dist: {r}\n" for r in requires) + "".join(f"Provides-Extra: {e}\n" for e in extras),
        f"{stem}.dist-info/WHEEL": "Wheel-Version: 1.0\nGenerator: xooo-benchmark\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        f"{stem}.dist-info/top_level.txt": module + "\n",
    }
    record = "".join(
        f"{path},sha256={base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b'=').decode()},{len(text.encode())}\n"
        for path, text in files.items()) + f"{stem}.dist-info/RECORD,,\n"
    files[f"{stem}.dist-info/RECORD"] = record
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, text in files.items():
            archive.writestr(zipfile.ZipInfo(path, date_time=(2024, 1, 1, 0, 0, 0)), text)
    return f"{stem}-py3-none-any.whl", buffer.getvalue()


def main(directory, port):
    os.makedirs(f"{directory}/files", exist_ok=True)
    projects = {}
    for name, version, module, requires, extras in PACKAGES:
        file_name, data = wheel(name, version, module, requires, extras)
        with open(f"{directory}/files/{file_name}", "wb") as out:
            out.write(data)
        projects.setdefault(normalize(name), []).append((file_name, hashlib.sha256(data).hexdigest()))
    for project, wheels in projects.items():
        os.makedirs(f"{directory}/simple/{project}", exist_ok=True)
        links = "".join(f'<a href="/files/{f}#sha256={h}">{f}</a><br>\n' for f, h in wheels)
        with open(f"{directory}/simple/{project}/index.html", "w") as out:
            out.write(f"<!DOCTYPE html><html><body>\n{links}</body></html>\n")
    script = b'#!/bin/sh\n[ "$1" = "--version" ] && echo "PostgREST 12.2.3" && exit 0\necho "PostgREST stand-in"\n'
    info = tarfile.TarInfo("postgrest")
    info.size, info.mode, info.mtime = len(script), 0o755, 1704067200
    with tarfile.open(f"{directory}/postgrest.tar.gz", "w:gz") as archive:
        archive.addfile(info, io.BytesIO(script))
    with open(f"{directory}/postgrest.tar.gz", "rb") as tarball, open(f"{directory}/postgrest.sha256", "w") as out:
        out.write(hashlib.sha256(tarball.read()).hexdigest() + "\n")
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    http.server.ThreadingHTTPServer(("127.0.0.1", int(port)), functools.partial(Quiet, directory=directory)).serve_forever()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
