const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

// Platform modules are mocked in one place (force-app/test/jest-mocks), as in lwc-recipes.
module.exports = {
    ...jestConfig,
    moduleNameMapper: {
        '^lightning/uiRecordApi$': '<rootDir>/force-app/test/jest-mocks/lightning/uiRecordApi',
        '^lightning/refresh$': '<rootDir>/force-app/test/jest-mocks/lightning/refresh',
        '^lightning/confirm$': '<rootDir>/force-app/test/jest-mocks/lightning/confirm',
        '^accord-test-utils$': '<rootDir>/force-app/test/jest-utils'
    },
    modulePathIgnorePatterns: ['<rootDir>/.localdevserver'],
    testTimeout: 10000
};
