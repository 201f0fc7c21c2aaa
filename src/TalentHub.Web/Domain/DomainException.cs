namespace TalentHub.Web.Domain;

/// <summary>A rule of the domain was broken. <see cref="MessageKey"/> is a resource key shown to the user.</summary>
public sealed class DomainException(string messageKey, string? field = null, params object[] args)
    : Exception(messageKey)
{
    public string MessageKey { get; } = messageKey;
    public string? Field { get; } = field;
    public object[] Args { get; } = args;
}
