namespace Plenum.Federations;

/// <summary>Words for federation pages.</summary>
public static class FederationText
{
    public static string ChosenBy(DelegateChoice how) => how switch
    {
        DelegateChoice.Rotation => "by rotation",
        DelegateChoice.Recall => "replacing a recalled delegate",
        _ => "elected",
    };
}
