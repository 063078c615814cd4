using System.Runtime.InteropServices;

namespace AllianceRules.Cli;

/// <summary>
/// Whether a path is a regular file. .NET reports a FIFO, a socket or a device as an ordinary file
/// (<see cref="FileAttributes.Normal"/>), and opening a FIFO for reading blocks until something
/// writes to it: a FIFO named <c>x.treaty</c> in a folder hung <c>check</c> and the language
/// server. The file type comes from <c>stat</c>, through the runtime's own native shim
/// (<c>SystemNative_Stat</c>, whose <c>FileStatus</c> holds the mode, with the file type in
/// portable <c>S_IF*</c> bits, at offset 4 on every Unix the runtime supports).
/// </summary>
internal static class FileType
{
    private const int FileTypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    /// <summary>
    /// False only when the path is known to be something other than a regular file (or a link to
    /// one): a FIFO, socket or device. On Windows, or where the file type cannot be told, true, and
    /// the read then reports what goes wrong.
    /// </summary>
    public static bool IsRegularOrUnknown(string path)
    {
        if (OperatingSystem.IsWindows()) return true;
        try
        {
            // Larger than the runtime's FileStatus (about 120 bytes), so a later field never writes past it.
            var status = new byte[256];
            if (Stat(path, status) != 0) return true;
            return (BitConverter.ToInt32(status, 4) & FileTypeMask) == RegularFile;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A build without the shim (NativeAOT links it in under another name): fall back to reading.
            return true;
        }
    }

    // DllImport rather than LibraryImport, which would need unsafe code in the project for one call.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
#pragma warning restore SYSLIB1054
}
