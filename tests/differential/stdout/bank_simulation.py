# A small object-oriented program: accounts, transactions, custom exceptions, reports.

class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount:.2f} (balance {account.balance:.2f})")
        self.account = account
        self.amount = amount

class Account:
    next_id = 1000

    def __init__(self, owner, balance=0.0):
        self.id = Account.next_id
        Account.next_id += 1
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def __repr__(self):
        return f"Account({self.id}, {self.owner!r}, {self.balance:.2f})"

class SavingsAccount(Account):
    rate = 0.02

    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
        return interest

    def withdraw(self, amount):
        if len([h for h in self.history if h[0] == "withdraw"]) >= 2:
            raise PermissionError("savings accounts allow two withdrawals")
        super().withdraw(amount)

class Bank:
    def __init__(self):
        self.accounts = {}

    def open(self, cls, owner, initial):
        acct = cls(owner, initial)
        self.accounts[acct.id] = acct
        return acct

    def transfer(self, src, dst, amount):
        try:
            src.withdraw(amount)
        except (InsufficientFunds, PermissionError) as e:
            print("transfer failed:", e)
            return False
        else:
            dst.deposit(amount)
            return True
        finally:
            print(f"transfer {src.id}->{dst.id} {amount:.2f} attempted")

    def report(self):
        for acct in sorted(self.accounts.values(), key=lambda a: (-a.balance, a.owner)):
            kind = type(acct).__name__
            print(f"{acct.id} {acct.owner:<8} {kind:<15} {acct.balance:>10.2f} {len(acct.history)} ops")
        print("total:", f"{sum(a.balance for a in self.accounts.values()):.2f}")

bank = Bank()
alice = bank.open(Account, "alice", 100.0)
bob = bank.open(SavingsAccount, "bob", 500.0)
carol = bank.open(Account, "carol", 0.0)
print(alice, bob, carol)
print(bank.transfer(alice, carol, 30))
print(bank.transfer(alice, carol, 300))
print(bank.transfer(bob, alice, 50))
print(bank.transfer(bob, alice, 50))
print(bank.transfer(bob, alice, 50))
print("interest:", bob.add_interest())
try:
    carol.deposit(-5)
except ValueError as e:
    print("error:", e)
bank.report()
print(alice.history)
print(isinstance(bob, Account), issubclass(SavingsAccount, Account), SavingsAccount.__mro__[1].__name__)
