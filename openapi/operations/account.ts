// The account: billing subjects and balance.
export {};
