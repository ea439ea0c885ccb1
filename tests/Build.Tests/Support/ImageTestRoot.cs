namespace Xooo.Build.Tests.Support;

/// <summary>
/// A build root of its own for one test: a temporary folder with .nuke/ and a copy of the repository's
/// base-image/, which the test may edit. Deleted on dispose.
/// </summary>
public sealed class ImageTestRoot : IDisposable
{
    public ImageTestRoot(bool withBaseImage = true)
    {
        Path = Directory.CreateTempSubdirectory("xooo-image-test-").FullName;
        Directory.CreateDirectory(System.IO.Path.Combine(Path, ".nuke"));
        if (!withBaseImage)
            return;
        Directory.CreateDirectory(BaseImage);
        foreach (var file in Directory.EnumerateFiles(RepositoryBaseImage))
            File.Copy(file, BaseImageFile(System.IO.Path.GetFileName(file)));
    }

    public string Path { get; }

    public string BaseImage => System.IO.Path.Combine(Path, "base-image");

    public string BaseImageFile(string name) => System.IO.Path.Combine(BaseImage, name);

    public string TempFile(string name) => System.IO.Path.Combine(Path, ".nuke", "temp", name);

    /// <summary>The repository's own base-image folder, found upwards from the test binaries.</summary>
    public static string RepositoryBaseImage
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "xooo-backend-base.sln")))
                    return System.IO.Path.Combine(directory.FullName, "base-image");
            throw new InvalidOperationException("The repository root (xooo-backend-base.sln) was not found above " + AppContext.BaseDirectory);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process being killed; the system's temp cleanup takes it later.
        }
    }
}
