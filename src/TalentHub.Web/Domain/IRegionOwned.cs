namespace TalentHub.Web.Domain;

/// <summary>Data that belongs to a place. Every query of it is scoped by <see cref="CountyCode"/>.</summary>
public interface IRegionOwned
{
    string RegionCode { get; }
    string CountyCode { get; }
}
