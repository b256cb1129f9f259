@echo off
rem Launches the built `mm` CLI (memtomem-cli\target) from any working directory.
setlocal
set "ROOT=%~dp0.."
set "MODULE=%ROOT%\memtomem-cli\target"
if not exist "%MODULE%\memtomem-cli.jar" (
  echo mm: not built yet. Run: cd "%ROOT%" ^&^& mvn -B -ntp package -DskipTests 1>&2
  exit /b 1
)
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
rem the quotes are part of each value, so paths with spaces stay one argument
set CDS=
if exist "%MODULE%\mm.jsa" set CDS="-XX:SharedArchiveFile=%MODULE%\mm.jsa"
rem extracted at build time; otherwise sqlite-jdbc and JNA copy them to a temp dir on every start
set SQLITE=
if exist "%MODULE%\native\sqlitejdbc.dll" set SQLITE="-Dorg.sqlite.lib.path=%MODULE%\native" -Dorg.sqlite.lib.name=sqlitejdbc.dll "-Djna.boot.library.path=%MODULE%\native"
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto %CDS% %SQLITE% -Xlog:disable -Xlog:all=warning:stderr -Xlog:cds=off,cds+dynamic=off:stderr --enable-native-access=ALL-UNNAMED -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 %MEMTOMEM_JAVA_OPTS% -cp "%MODULE%\memtomem-cli.jar;%MODULE%\lib\*" io.memtomem.cli.Main %*
exit /b %ERRORLEVEL%
