namespace Plenum.Alerts;

/// <summary>An uploaded photo was refused; the message is written for the person who sent it.</summary>
public sealed class ReportPhotoException(string message) : Exception(message);
