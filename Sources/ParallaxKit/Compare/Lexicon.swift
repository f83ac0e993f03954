/// Word lists the classifier needs, by fold key (English).
enum Lexicon {
    /// Titles and roles that stand before a name: not who is credited.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "professor", "president", "vice", "prime", "minister", "premier",
        "chancellor", "governor", "mayor", "senator", "sen", "rep", "representative", "secretary", "general",
        "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair", "director", "chief",
        "ceo", "king", "queen", "prince", "princess", "judge", "justice", "officer", "commander", "colonel",
        "captain", "sir", "lord", "lady", "st", "gen", "the",
    ]

    /// Verbs that attribute words to a speaker.
    static let speechVerbs: Set<String> = [
        "said", "says", "say", "added", "adds", "stressed", "stresses", "noted", "notes", "told", "tells",
        "stated", "states", "emphasized", "emphasised", "emphasizes", "underlined", "underlines", "remarked",
        "argued", "argues", "insisted", "claimed", "claims", "announced", "announces", "declared", "explained",
        "hopes", "hoped", "believes", "believed", "urged", "called", "pointed", "affirmed", "reiterated",
        "according", "congratulated", "expressed", "warned", "warns", "wrote", "writes", "replied", "asked",
        "recalled", "admitted", "acknowledged", "conceded", "confirmed", "denied", "suggested", "predicted",
    ]
    static let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i"]
}
