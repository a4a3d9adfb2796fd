namespace Plenum.Alerts;

public sealed record CleanPhoto(byte[] Jpeg, int Width, int Height);
