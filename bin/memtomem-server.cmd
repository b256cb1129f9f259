@echo off
rem Launches the built MCP stdio server (memtomem-server\target). Only MCP frames go to stdout.
setlocal
set "ROOT=%~dp0.."
set "MODULE=%ROOT%\memtomem-server\target"
if not exist "%MODULE%\memtomem-server.jar" (
  echo memtomem-server: not built yet. Run: cd "%ROOT%" ^&^& mvn -B -ntp package -DskipTests 1>&2
  exit /b 1
)
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
set "CDS="
if exist "%MODULE%\server.jsa" set "CDS=-XX:SharedArchiveFile=%MODULE%\server.jsa"
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto %CDS% -Xlog:disable -Xlog:all=warning:stderr --enable-native-access=ALL-UNNAMED "-Dmemtomem.bin=%ROOT%\bin" %MEMTOMEM_JAVA_OPTS% -cp "%MODULE%\memtomem-server.jar;%MODULE%\lib\*" io.memtomem.server.Main %*
exit /b %ERRORLEVEL%
