/// The direction of travel as the indicator index shows it: "Getting worse since 2017-19".
enum Trend {
    static func describe(_ indicator: Indicator) -> String {
        let phrase = DirectionOfTravel.assess(indicator).phrase
        return phrase.prefix(1).uppercased() + phrase.dropFirst()
    }
}
