@echo off
rem Launches the `mm` CLI from an unpacked release or a built source checkout; the logic is in memtomem-launch.cmd.
setlocal
set "MEMTOMEM_TOOL=mm"
call "%~dp0memtomem-launch.cmd" %*
exit /b %ERRORLEVEL%
