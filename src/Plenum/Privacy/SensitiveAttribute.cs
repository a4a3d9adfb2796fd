namespace Plenum.Privacy;

/// <summary>Marks a string property whose value is encrypted at rest (see <see cref="FieldEncryption"/>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;
