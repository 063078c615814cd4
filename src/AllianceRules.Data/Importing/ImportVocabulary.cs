namespace AllianceRules.Importing;

/// <summary>The verbs both importers use (issue #7's shared design), and the citations the data's producers ask for.</summary>
public static class ImportVocabulary
{
    public const string FileName = "vocabulary.treaty";

    public const string Text = """
        # The verbs of histories imported from the Correlates of War (alliance import cow-war),
        # which the rules imported from ATOP (alliance import atop) use.
        vocabulary {
          verb attack "uses armed force against (COW: enters a war on the side opposite)" cameo 18, 19, 20
          verb assist "joins a war on the side of" cameo 072, 074
          verb request "asks for assistance or consultation from" cameo 02
          verb consult "consults" cameo 04
          verb endwar "ends the war with"
        }

        """;

    internal const string AtopCitation = "Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. \"Alliance Treaty Obligations and Provisions, 1815-1944.\" International Interactions 28: 237-260.";

    internal const string CowWarCitation = "Sarkees, Meredith Reid and Frank Wayman. 2010. Resort to War: 1816-2007. Washington DC: CQ Press.";

    internal const string StatesCitation = "Correlates of War Project. 2017. \"State System Membership List, v2016.\"";
}
