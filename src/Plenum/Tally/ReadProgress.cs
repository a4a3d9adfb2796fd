using Spectre.Console;

namespace Plenum.Tally;

/// <summary>
/// A progress bar on stderr while big inputs are read (by bytes, which every format has; about
/// 100,000 ballots and more). Only on a terminal: redirected output stays clean for scripts.
/// </summary>
public static class ReadProgress
{
    /// <summary>Below this many bytes reading takes well under a second; no bar.</summary>
    public const long ThresholdBytes = 2_000_000;

    public static T Run<T>(long totalBytes, Func<Func<Stream, Stream>, T> read)
    {
        if (totalBytes < ThresholdBytes || Console.IsErrorRedirected) return read(stream => stream);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("Reading ballots", maxValue: totalBytes);
                return read(stream => new CountingStream(stream, bytes => task.Increment(bytes)));
            });
    }

    /// <summary>Passes reads through and reports how many bytes went by.</summary>
    sealed class CountingStream(Stream inner, Action<long> onRead) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count) => Report(inner.Read(buffer, offset, count));
        public override int Read(Span<byte> buffer) => Report(inner.Read(buffer));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Report(await inner.ReadAsync(buffer, cancellationToken));

        int Report(int read)
        {
            onRead(read);
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
