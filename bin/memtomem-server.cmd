@echo off
rem Launches the MCP stdio server (MCP hosts spawn this); only MCP frames go to stdout. The logic is in
rem memtomem-launch.cmd.
setlocal
set "MEMTOMEM_TOOL=server"
call "%~dp0memtomem-launch.cmd" %*
exit /b %ERRORLEVEL%
