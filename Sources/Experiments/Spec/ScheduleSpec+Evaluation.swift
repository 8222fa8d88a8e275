import Diagnostics

extension ScheduleSpec {
    /// The formula columns at one step, in order: each sees `t` and `step` (both = `step`), the constants,
    /// and the columns before it. A formula that cannot be evaluated is an error at its column in the file.
    public func columnValues(at step: Int) throws(RunError) -> [Double] {
        var variables = constants.mapValues { Value.number($0) }
        variables["t"] = .number(Double(step))
        variables["step"] = .number(Double(step))
        var values: [Double] = []
        for column in columns {
            let value: Double
            do throws(ExpressionError) {
                value = try column.expression.number(using: VariableResolver(variables))
            } catch {
                let location = column.site.location(at: error.offset)
                throw RunError("column '\(column.name)' cannot be evaluated at t = \(step): \(error.message); "
                    + "write a formula defined at every listed step", at: location)
            }
            variables[column.name] = .number(value)
            values.append(value)
        }
        return values
    }
}

extension TrainSpec {
    /// The names an `lr_lambda` sees at scheduler step `step`: `step` and the block's constants.
    public func lambdaVariables(step: Int) -> VariableResolver {
        var variables = constants.mapValues { Value.number($0) }
        variables["step"] = .number(Double(step))
        return VariableResolver(variables)
    }
}
