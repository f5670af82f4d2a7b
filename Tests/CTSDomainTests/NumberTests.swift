import CTSDomain
import Testing

/// Numbers: exact thousandths for class hours and money, binary doubles for the rest.
@Suite struct NumberTests {
    @Test func hoursAddExactly() {
        let total = Number(text: "20.7")! + Number(text: "24.9")! + Number(text: "4.4")!
        #expect(total == 50)
        #expect(total.isExact)
        #expect(total.description == "50")
        #expect(!(total < 50))
        // The doubles would not: 20.7 + 24.9 + 4.4 < 50 in binary floating point.
        #expect(20.7 + 24.9 + 4.4 < 50.0)
    }

    @Test(arguments: [
        ("390", "390"), ("7.5", "7.5"), ("0.25", "0.25"), ("3.2e10", "32000000000"),
        ("1_200_000", "1200000"), ("-0.5", "-0.5"), ("-1.25", "-1.25"), ("0.001", "0.001"),
        ("1.500", "1.5"),
    ])
    func decimalTextIsReadExactlyAndPrintedShortest(_ pair: (String, String)) {
        let n = Number(text: pair.0)!
        #expect(n.isExact, "\(pair.0)")
        #expect(n.description == pair.1)
    }

    @Test func moreThanThreeDecimalsIsBinary() {
        let n = Number(text: "1.2345")!
        #expect(!n.isExact)
        #expect(n.description == "1.2345")
        #expect(Number(text: "2.5e-3")!.isExact == false)
    }

    @Test func doublesNearestToThousandthsAreExact() {
        #expect(Number(20.7).isExact)
        #expect(Number(20.7) == Number(text: "20.7")!)
        #expect(Number(20.7).hashValue == Number(text: "20.7")!.hashValue)
        #expect(!Number(0.1 + 0.2).isExact)
    }

    @Test func inexactArithmeticFallsBackToDoubles() {
        let third = Number(1) / Number(3)
        #expect(!third.isExact)
        #expect(third.description == "0.3333333333333333")
        #expect((Number(1) / Number(4)).isExact)
        #expect((Number(text: "0.001")! * Number(text: "0.001")!).isExact == false)
        #expect((Number(text: "1.5")! * Number(text: "7.5")!) == Number(text: "11.25")!)
    }

    @Test func overflowFallsBackToDoubles() {
        let big = Number(thousandths: .max)
        let sum = big + big
        #expect(!sum.isExact)
        #expect(sum.double == 2 * Double(Int64.max) / 1000)
    }

    @Test func largeWholeNumbersPrintWithoutAFraction() {
        #expect(formatNumber(1e15) == "1000000000000000")
        #expect(formatNumber(9_007_199_254_740_991) == "9007199254740991")
        #expect(formatNumber(1e16) == "1e+16")
        #expect(Number(1e15 + 1).description == "1000000000000001")
    }

    @Test func roundingIsHalfAwayFromZero() {
        #expect(Number(text: "2.25")!.rounded(places: 1) == Number(text: "2.3")!)
        #expect(Number(text: "-2.25")!.rounded(places: 1) == Number(text: "-2.3")!)
        #expect(Number(text: "2.249")!.rounded(places: 1) == Number(text: "2.2")!)
        #expect(Number(text: "7.5")!.rounded(places: 0) == 8)
    }

    @Test func storedAmountsSurviveADouble() {
        #expect(Number(text: "999999999999.999")!.survivesDouble)
        #expect(Number(text: "32000000000000")!.survivesDouble)
        // Past 2⁵⁰ thousandths: the double is read back as the decimal it prints as, so what
        // prints the same survives and what does not (17 digits) is refused.
        #expect(Number(text: "999999999999999.9")!.survivesDouble)
        #expect(!Number(text: "12345678901234.567")!.survivesDouble)
        #expect(!Number(text: "99999999999999.99")!.survivesDouble)
        for text in ["500000000000000", "2000000000000.5", "999999999999999.9"] {
            let n = Number(text: text)!
            let back = Number(shortestDecimal: n.double)
            #expect(back.isExact && back == n && back.description == text, "\(text)")
        }
        #expect(!Number(shortestDecimal: 0.1 + 0.2).isExact)
        #expect(Number(shortestDecimal: 7.5e14).isExact)
    }

    @Test func equalNumbersHashAlikeWhateverTheirForm() {
        let exact = Number(text: "2000000000000")!  // 2 × 10¹⁵ thousandths: past where doubles read back exact
        let binary = Number(2e12)
        #expect(exact.isExact && !binary.isExact)
        #expect(exact == binary)
        #expect(Set([exact, binary]).count == 1)
    }
}
