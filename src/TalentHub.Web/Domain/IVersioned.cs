namespace TalentHub.Web.Domain;

/// <summary>
/// An aggregate edited by forms: <see cref="Version"/> is its optimistic-concurrency token, moved on by one at
/// every saved change by the stamps interceptor (Data/StampsInterceptor), never by hand.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>An aggregate that keeps when it was created and last changed (UTC instants), stamped by the stamps interceptor.</summary>
public interface IStamped
{
    DateTimeOffset CreatedAt { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
}
