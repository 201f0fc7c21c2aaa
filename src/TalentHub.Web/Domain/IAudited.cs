namespace TalentHub.Web.Domain;

/// <summary>Every create, update and delete of this type is written to the audit log by the SaveChanges interceptor.</summary>
public interface IAudited;
