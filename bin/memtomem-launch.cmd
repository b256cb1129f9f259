@echo off
rem Called by bin\mm.cmd and bin\memtomem-server.cmd with MEMTOMEM_TOOL set to mm or server; not a command of its
rem own. Finds Java 17+, the jars (an unpacked release: lib\; a source checkout: each module's target\ after a
rem build), the AppCDS archive and the pre-extracted native libraries. No parenthesised blocks around paths: a
rem path such as "C:\Program Files (x86)\..." would end the block early.
setlocal
for %%i in ("%~dp0..") do set "ROOT=%%~fi"
set "MAIN=io.memtomem.server.Main"
set "MODULE=memtomem-server"
if "%MEMTOMEM_TOOL%"=="mm" set "MAIN=io.memtomem.cli.Main"
if "%MEMTOMEM_TOOL%"=="mm" set "MODULE=memtomem-cli"

set "JAVA="
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
if not defined JAVA for /f "delims=" %%j in ('where java 2^>nul') do if not defined JAVA set "JAVA=%%j"
if not defined JAVA goto nojava
rem the major version from the runtime's release file: no extra JVM start
set "MAJOR="
set "JVER="
for %%j in ("%JAVA%") do set "RELEASE=%%~dpj..\release"
if exist "%RELEASE%" for /f "usebackq tokens=2 delims==" %%v in (`findstr /b "JAVA_VERSION=" "%RELEASE%"`) do set "JVER=%%~v"
if defined JVER for /f "tokens=1,2 delims=.-+" %%a in ("%JVER%") do set "MAJOR=%%a"
if "%MAJOR%"=="1" goto oldjava
if defined MAJOR if %MAJOR% LSS 17 goto oldjava

if exist "%ROOT%\lib\classpath" goto release
set "TARGET=%ROOT%\%MODULE%\target"
if not exist "%TARGET%\%MODULE%.jar" goto notbuilt
set "CP=%TARGET%\%MODULE%.jar;%TARGET%\lib\*"
set "JSA_DIR=%TARGET%"
set "NATIVE=%ROOT%\memtomem-cli\target\native"
goto launch
:release
rem NTFS lists a directory in name order, so the wildcard gives one fixed class path order
set "CP=%ROOT%\lib\*"
set "JSA_DIR=%ROOT%\lib"
set "NATIVE=%ROOT%\lib\native"

:launch
rem a command lives well under a second: no hsperfdata file to create and delete for jps/jstat
set PERFDATA=
if "%MEMTOMEM_TOOL%"=="mm" set "PERFDATA=-XX:-UsePerfData"
rem Java 17-20: the JRE's own locale data starts ~30 ms faster than CLDR's (21+ deprecates it, 23+ has only CLDR)
set LOCALES=
if defined MAJOR if %MAJOR% LSS 21 set "LOCALES=-Djava.locale.providers=COMPAT"
rem one AppCDS archive per Java feature release; Java 19+ writes a missing or stale one at exit (quotes are part
rem of each value, so paths with spaces stay one argument). Java 25+ maps the JDK's AOT cache instead, one per Java
rem build, made once by a training run (delete it to have it remade after a rebuild of a source checkout).
set CDS=
set "SHARE=-Xshare:auto"
set "LOGS=-Xlog:cds=off,cds+dynamic=off:stderr"
set "JSA=%JSA_DIR%\%MEMTOMEM_TOOL%-%MAJOR%.jsa"
if not defined MAJOR goto natives
if %MAJOR% GEQ 25 goto aot
if %MAJOR% GEQ 19 set CDS="-XX:SharedArchiveFile=%JSA%" -XX:+AutoCreateSharedArchive
if %MAJOR% LSS 19 if exist "%JSA%" set CDS="-XX:SharedArchiveFile=%JSA%"
goto natives
:aot
set "AOTFILE=%JSA_DIR%\%MEMTOMEM_TOOL%-%JVER%.aot"
if exist "%AOTFILE%" goto aotready
set "TRAINING=--train"
if "%MEMTOMEM_TOOL%"=="mm" set "TRAINING=cds-training"
set "SCRATCH=%TEMP%\memtomem-aot-%RANDOM%%RANDOM%"
mkdir "%SCRATCH%" 2>nul
echo memtomem: preparing a faster start on Java %JVER% (once, a few seconds)... 1>&2
set "_MEMTOMEM_TEST_MODE=1"
set "_MEMTOMEM_TEST_RUNTIME_DIR=%SCRATCH%\run"
pushd "%SCRATCH%"
"%JAVA%" "-XX:AOTCacheOutput=%AOTFILE%.%RANDOM%.tmp" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable --enable-native-access=ALL-UNNAMED "-Duser.home=%SCRATCH%\home" -cp "%CP%" %MAIN% %TRAINING% <nul >nul 2>&1
popd
set "_MEMTOMEM_TEST_MODE="
set "_MEMTOMEM_TEST_RUNTIME_DIR="
for %%f in ("%AOTFILE%.*.tmp") do move /y "%%~f" "%AOTFILE%" >nul 2>&1
rmdir /s /q "%SCRATCH%" 2>nul
:aotready
if not exist "%AOTFILE%" goto natives
set CDS="-XX:AOTCache=%AOTFILE%"
set "SHARE="
set "LOGS=-Xlog:cds=off,aot=off:stderr"
:natives
rem extracted at build time for this platform; otherwise sqlite-jdbc and JNA copy them to the temp dir on every start.
rem sqlite-jdbc also lists its temp dir at every start to clean old copies: it is told the native dir is that dir
set SQLITE=
set "NATIVE=%NATIVE%\Windows-%PROCESSOR_ARCHITECTURE%"
if exist "%NATIVE%\sqlitejdbc.dll" set SQLITE="-Dorg.sqlite.lib.path=%NATIVE%" -Dorg.sqlite.lib.name=sqlitejdbc.dll "-Dorg.sqlite.tmpdir=%NATIVE%" "-Djna.boot.library.path=%NATIVE%"
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC %PERFDATA% %LOCALES% %SHARE% %CDS% %SQLITE% -Xlog:disable -Xlog:all=warning:stderr %LOGS% --enable-native-access=ALL-UNNAMED -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 "-Dmemtomem.bin=%ROOT%\bin" %MEMTOMEM_JAVA_OPTS% -cp "%CP%" %MAIN% %*
exit /b %ERRORLEVEL%

:nojava
echo memtomem needs Java 17 or newer; found none (no java on PATH and no JAVA_HOME\bin\java.exe). Install a JDK or JRE 17+ and set JAVA_HOME to it. 1>&2
exit /b 1
:oldjava
echo memtomem needs Java 17 or newer; found Java %JVER% ("%JAVA%"). Set JAVA_HOME to a Java 17+ installation. 1>&2
exit /b 1
:notbuilt
echo %MEMTOMEM_TOOL%: not built yet. Run: cd "%ROOT%" ^&^& mvnw.cmd -B -ntp package -DskipTests 1>&2
exit /b 1
