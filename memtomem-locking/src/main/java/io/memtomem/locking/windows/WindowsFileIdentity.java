package io.memtomem.locking.windows;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinDef;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import io.memtomem.locking.FileIdentity;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Volume serial + file id of a path, read through a handle opened with no access rights (so it never conflicts with a
 * holder's lock) and on the reparse point itself (no-follow). {@code BasicFileAttributes.fileKey()} is null on
 * Windows, so this is the only way to notice that a name now points to a different file.
 */
final class WindowsFileIdentity {

    private WindowsFileIdentity() {
    }

    static FileIdentity of(Path path) throws IOException {
        Kernel32 kernel32 = Kernel32.INSTANCE;
        WinNT.HANDLE handle = kernel32.CreateFile(path.toString(), 0,
                WinNT.FILE_SHARE_READ | WinNT.FILE_SHARE_WRITE | WinNT.FILE_SHARE_DELETE, null,
                WinNT.OPEN_EXISTING, WinNT.FILE_FLAG_BACKUP_SEMANTICS | WinNT.FILE_FLAG_OPEN_REPARSE_POINT, null);
        if (WinBase.INVALID_HANDLE_VALUE.equals(handle)) {
            throw failure(path, kernel32.GetLastError());
        }
        try {
            WinBase.FILE_ID_INFO info = new WinBase.FILE_ID_INFO();
            if (!kernel32.GetFileInformationByHandleEx(handle, WinBase.FileIdInfo, info.getPointer(),
                    new WinDef.DWORD(WinBase.FILE_ID_INFO.sizeOf()))) {
                throw failure(path, kernel32.GetLastError());
            }
            info.read();
            WinDef.BYTE[] id = info.FileId.Identifier;
            return new FileIdentity(info.VolumeSerialNumber, littleEndianLong(id, 8), littleEndianLong(id, 0));
        } finally {
            kernel32.CloseHandle(handle);
        }
    }

    private static long littleEndianLong(WinDef.BYTE[] bytes, int offset) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (bytes[offset + i].longValue() & 0xff);
        }
        return value;
    }

    private static IOException failure(Path path, int error) {
        if (error == WinError.ERROR_FILE_NOT_FOUND || error == WinError.ERROR_PATH_NOT_FOUND) {
            return new NoSuchFileException(path.toString());
        }
        return new IOException("cannot identify " + path + ": " + Kernel32Util.formatMessage(error));
    }
}
