@echo off
rem Bootstrap for Windows, the same logic as build.sh: find a dotnet SDK that satisfies global.json, build the
rem build project only when one of its inputs changed since the last build, then run it with every argument
rem and pass its exit code through.
setlocal EnableExtensions EnableDelayedExpansion
cd /d "%~dp0"

set DOTNET_CLI_TELEMETRY_OPTOUT=1
set DOTNET_NOLOGO=1
set DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
rem Build servers left running would inherit our output handles and keep a caller's pipe open.
set MSBUILDDISABLENODEREUSE=1
set DOTNET_CLI_USE_MSBUILD_SERVER=0

set "TEMP_DIR=.nuke\temp"
set "BUILD_PROJECT=build\_build.csproj"
set "BUILD_DLL=build\bin\Debug\net10.0\_build.dll"
rem The build's input files with their sizes and times, listed when the last successful build started.
set "SNAPSHOT=%TEMP_DIR%\build.inputs.cmd"
if not exist "%TEMP_DIR%" mkdir "%TEMP_DIR%"

set "SDK_VERSION="
for /f "tokens=2 delims=:, " %%v in ('findstr /c:"\"version\"" global.json') do if not defined SDK_VERSION set "SDK_VERSION=%%~v"
if not defined SDK_VERSION (
    echo build.cmd: global.json names no SDK version. 1>&2
    exit /b 1
)
for /f "tokens=1-3 delims=." %%a in ("%SDK_VERSION%") do (
    set "WANT_MAJOR=%%a"
    set "WANT_MINOR=%%b"
    set "WANT_PATCH=%%c"
)

rem Candidates in order: PATH, %DOTNET_ROOT%, and where dotnet-install.ps1 puts it.
set "DOTNET="
for /f "delims=" %%d in ('where dotnet 2^>nul') do if not defined DOTNET call :try_dotnet "%%d"
if not defined DOTNET if defined DOTNET_ROOT if exist "%DOTNET_ROOT%\dotnet.exe" call :try_dotnet "%DOTNET_ROOT%\dotnet.exe"
if not defined DOTNET if exist "%LOCALAPPDATA%\Microsoft\dotnet\dotnet.exe" call :try_dotnet "%LOCALAPPDATA%\Microsoft\dotnet\dotnet.exe"
if not defined DOTNET (
    echo build.cmd: this build needs the .NET SDK %SDK_VERSION% or a later %WANT_MAJOR%.%WANT_MINOR% feature band or patch ^(global.json^), and no dotnet on PATH, in %%DOTNET_ROOT%% or in %%LOCALAPPDATA%%\Microsoft\dotnet has it. 1>&2
    echo Install it, for example with: 1>&2
    echo   powershell -NoProfile -ExecutionPolicy Bypass -Command "&([scriptblock]::Create((Invoke-WebRequest -UseBasicParsing 'https://dot.net/v1/dotnet-install.ps1'))) -Channel %WANT_MAJOR%.%WANT_MINOR%" 1>&2
    echo   ^(the script behind https://dot.net/v1/dotnet-install.sh --channel %WANT_MAJOR%.%WANT_MINOR% on Linux and macOS^) 1>&2
    exit /b 1
)

call :snapshot "%SNAPSHOT%.now"
set "STALE=1"
if exist "%BUILD_DLL%" if exist "%SNAPSHOT%" fc /b "%SNAPSHOT%" "%SNAPSHOT%.now" >nul 2>&1 && set "STALE="
del /q "%SNAPSHOT%.now" >nul 2>&1
if defined STALE (
    call :build_locked || exit /b !ERRORLEVEL!
)

"%DOTNET%" "%BUILD_DLL%" %*
exit /b %ERRORLEVEL%


rem Sets DOTNET to %1 when it has an SDK that satisfies global.json's rollForward latestFeature: the same
rem major.minor, a feature band and patch at least the pinned ones, and no preview.
:try_dotnet
for /d %%s in ("%~dp1sdk\*") do (
    set "HAVE=%%~nxs"
    if "!HAVE:-=!"=="!HAVE!" for /f "tokens=1-3 delims=." %%a in ("!HAVE!") do (
        if "%%a"=="%WANT_MAJOR%" if "%%b"=="%WANT_MINOR%" if %%c GEQ %WANT_PATCH% set "DOTNET=%~1"
    )
)
exit /b 0


rem Lists the input files (size, time to the second, path), bin and obj left out, into %1.
:snapshot
(
    robocopy build "%TEMP%\xooo-build-none" /L /S /BYTES /TS /FP /NC /NDL /NJH /NJS /XD bin obj
    robocopy engine "%TEMP%\xooo-build-none" /L /S /BYTES /TS /FP /NC /NDL /NJH /NJS /XD bin obj
    robocopy . "%TEMP%\xooo-build-none" Directory.Build.props Directory.Packages.props global.json *.csproj /L /BYTES /TS /FP /NC /NDL /NJH /NJS
) >"%~1"
exit /b 0


rem Holding handle 9 on the lock file keeps other invocations out; they wait and try again.
:build_locked
set "LOCK_HELD="
2>nul (
    9>"%TEMP_DIR%\build.lock" (
        set "LOCK_HELD=1"
        call :build_if_stale
    )
)
set "CODE=%ERRORLEVEL%"
if not defined LOCK_HELD (
    ping -n 2 127.0.0.1 >nul
    goto build_locked
)
exit /b %CODE%


:build_if_stale
rem Another invocation may have built it while we waited; the list is taken before the build starts, so an
rem edit made during the build still makes the next run rebuild.
set "NEW_SNAPSHOT=%SNAPSHOT%.%RANDOM%"
call :snapshot "%NEW_SNAPSHOT%"
if exist "%BUILD_DLL%" if exist "%SNAPSHOT%" fc /b "%SNAPSHOT%" "%NEW_SNAPSHOT%" >nul 2>&1 && (
    del /q "%NEW_SNAPSHOT%" >nul 2>&1
    exit /b 0
)
set "LOG=%TEMP_DIR%\build.log"
"%DOTNET%" build "%BUILD_PROJECT%" -nologo -clp:ErrorsOnly -v q >"%LOG%" 2>&1
set "CODE=%ERRORLEVEL%"
if not "%CODE%"=="0" (
    type "%LOG%" 1>&2
    del /q "%LOG%" "%NEW_SNAPSHOT%" >nul 2>&1
    echo build.cmd: building %BUILD_PROJECT% failed ^(exit code %CODE%^). 1>&2
    exit /b %CODE%
)
del /q "%LOG%" >nul 2>&1
move /y "%NEW_SNAPSHOT%" "%SNAPSHOT%" >nul
exit /b 0
